import { Field, RadioGroup, SecretField, TextField, Toggle, type FormCtx } from './FormFields';
import { secretProps } from './SiteFormSections';
import type { BastionAuthKind } from './siteForm';

/** The form's access sections: how the console reaches the site's scheduler and its nodes' shells. */
export function SchedulerSection({ ctx }: { ctx: FormCtx }) {
  const f = ctx.form;
  return (
    <fieldset className="form-section">
      <legend>Scheduler</legend>
      <Toggle ctx={ctx} field="slurmEnabled" label="This site runs Slurm" />
      {f.slurmEnabled && (
        <div className="form-grid">
          <TextField
            ctx={ctx}
            field="slurmUrl"
            label="slurmrestd URL"
            placeholder="e.g. http://slurm-ctl:6820"
            inputMode="url"
            className="is-wide"
            mono
          />
          <TextField ctx={ctx} field="slurmUser" label="Slurm user" maxLength={64} />
          <SecretField
            {...secretProps(ctx, 'slurmTokenSecret')}
            nameLabel="Slurm token secret"
            valueLabel="Slurm token value"
          />
          <RadioGroup
            ctx={ctx}
            field="scontrolVia"
            legend="Run scontrol"
            value={f.scontrolVia}
            options={[
              { value: 'local', label: 'On this machine' },
              { value: 'ssh', label: 'On the controller, over SSH' },
            ]}
            onChange={(v) => ctx.set('scontrolVia', v)}
          />
          {f.scontrolVia === 'local' ? (
            <TextField
              ctx={ctx}
              field="slurmConf"
              label="slurm.conf path"
              placeholder="e.g. /etc/slurm/slurm.conf"
              hint="Optional."
              mono
            />
          ) : (
            <>
              <TextField ctx={ctx} field="scontrolHost" label="Controller host" maxLength={253} mono />
              <TextField
                ctx={ctx}
                field="scontrolUser"
                label="Controller SSH user"
                hint="Optional."
                maxLength={64}
              />
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}

const BASTION_AUTH: readonly { value: BastionAuthKind; label: string }[] = [
  { value: 'agent', label: 'SSH agent' },
  { value: 'key', label: 'Key file' },
  { value: 'password', label: 'Password' },
];

export function BastionSection({ ctx }: { ctx: FormCtx }) {
  const f = ctx.form;
  return (
    <fieldset className="form-section">
      <legend>Bastion</legend>
      <Toggle ctx={ctx} field="bastionEnabled" label="Reach the nodes through a bastion (jump host)" />
      {f.bastionEnabled && (
        <div className="form-grid">
          <TextField ctx={ctx} field="bastionHost" label="Bastion host" maxLength={253} mono />
          <TextField ctx={ctx} field="bastionPort" label="Port" inputMode="numeric" maxLength={5} />
          <TextField ctx={ctx} field="bastionUser" label="Bastion user" maxLength={64} />
          <TextField
            ctx={ctx}
            field="bastionNodePort"
            label="Node SSH port"
            hint="Where the nodes' sshd listens, behind the bastion."
            inputMode="numeric"
            maxLength={5}
          />
          <RadioGroup
            ctx={ctx}
            field="bastionAuthKind"
            legend="Bastion login"
            value={f.bastionAuthKind}
            options={BASTION_AUTH}
            onChange={(v) => ctx.set('bastionAuthKind', v)}
          />
          {f.bastionAuthKind === 'key' && (
            <>
              <TextField
                ctx={ctx}
                field="bastionKeyFile"
                label="Key file"
                placeholder="e.g. ~/.ssh/id_ed25519"
                mono
              />
              <SecretField
                {...secretProps(ctx, 'bastionPassphraseSecret')}
                nameLabel="Key passphrase secret"
                valueLabel="Key passphrase value"
                optional
              />
            </>
          )}
          {f.bastionAuthKind === 'password' && (
            <SecretField
              {...secretProps(ctx, 'bastionSecret')}
              nameLabel="Bastion password secret"
              valueLabel="Bastion password value"
            />
          )}
          <Field
            ctx={ctx}
            field="bastionHostKeys"
            label="Trusted host keys"
            hint="One SHA256:… fingerprint a line (as ssh-keygen -lf prints them); optional."
            className="is-wide"
            render={(a11y) => (
              <textarea
                {...a11y}
                className="mono"
                rows={2}
                value={f.bastionHostKeys}
                onChange={(e) => ctx.set('bastionHostKeys', e.target.value)}
                spellCheck={false}
              />
            )}
          />
        </div>
      )}
    </fieldset>
  );
}
