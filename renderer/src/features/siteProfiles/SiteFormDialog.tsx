import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { SiteProfile } from '../../../../shared/siteProfile';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import type { FormCtx } from './FormFields';
import { BastionSection, SchedulerSection } from './AccessSections';
import { EnergySection, LocationSection, TelemetrySection } from './SiteFormSections';
import { emptySiteForm, profileToForm, type FieldErrors, type SiteForm } from './siteForm';
import { SECRET_SLOTS, type SecretSlot, type SecretValues } from './secretSlots';
import { serverErrorToFieldErrors, validateSiteForm } from './siteFormErrors';
import { TestResults, type TestState } from './TestResults';
import { reloadSiteProfiles } from './useSiteProfiles';

export type SiteFormMode = { kind: 'add' } | { kind: 'edit'; profile: SiteProfile };

interface Props {
  mode: SiteFormMode;
  onClose: () => void;
  /** After the core saved the profile; the caller reloads the list and closes the form. */
  onSaved: (profile: SiteProfile, added: boolean) => void;
}

const isSecretSlot = (key: string): key is SecretSlot => (SECRET_SLOTS as readonly string[]).includes(key);

const countFields = (errors: FieldErrors) => Object.keys(errors).filter((k) => k !== 'form').length;

/**
 * Add or edit one site profile, in a modal dialog. Checked as you save or test against the contract's
 * own SiteProfileSchema, field by field; the core's refusals land on the fields they name. Secret values
 * live only in this component and go with one save or test.
 */
export function SiteFormDialog({ mode, onClose, onSaved }: Props) {
  const client = useClient();
  const list = useAppStore((s) => s.siteProfiles);
  const editing = mode.kind === 'edit';
  const title = editing ? `Edit site ${mode.profile.name}` : 'Add site';

  const [form, setForm] = useState<SiteForm>(() =>
    mode.kind === 'edit' ? profileToForm(mode.profile) : emptySiteForm(),
  );
  const [secretValues, setSecretValues] = useState<SecretValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const [focusSeq, setFocusSeq] = useState(0);
  const ref = useRef<HTMLDialogElement>(null);
  const idBase = useId();

  const storedSecrets = useMemo(() => new Set(list?.secretNames ?? []), [list]);
  // Adding over the demo fleet replaces it, so its ids are free; otherwise an id in use is an edit.
  const takenIds = useMemo(
    () => (editing || !list || list.demo ? [] : list.profiles.map((p) => p.id)),
    [editing, list],
  );
  const formKey = JSON.stringify(form);

  // Open as a modal; focus the first field; give focus back to the opener on close.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input:not([readonly])')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // After a failed check, focus the first field with a problem, in the order the form shows them.
  const focusedSeq = useRef(0);
  useEffect(() => {
    if (focusSeq === focusedSeq.current) return; // only when a check asks for it, not on every edit
    focusedSeq.current = focusSeq;
    const dialog = ref.current;
    if (!dialog) return;
    const target =
      Array.from(dialog.querySelectorAll<HTMLElement>('[data-field]')).find(
        (el) => errors[el.dataset.field as keyof FieldErrors],
      ) ?? dialog.querySelector<HTMLElement>('.form-error-top');
    target?.focus();
  }, [focusSeq, errors]);

  const clearErrors = (keys: readonly string[]) =>
    setErrors((e) => {
      if (!keys.some((k) => e[k as keyof FieldErrors])) return e;
      const next = { ...e };
      for (const k of keys) delete next[k as keyof FieldErrors];
      return next;
    });

  const ctx: FormCtx = {
    form,
    errors,
    idBase,
    editing,
    storedSecrets,
    secretValues,
    set: (key, value) => {
      setForm((f) => ({ ...f, [key]: value }));
      // A secret's new name may be one the store holds: its "type the value" goes too.
      clearErrors(isSecretSlot(key) ? [key, `${key}Value`] : [key]);
    },
    clearErrors,
    setSecretValue: (slot, value) => {
      setSecretValues((v) => ({ ...v, [slot]: value }));
      clearErrors([`${slot}Value`]);
    },
  };

  /** The form checked client-side; on problems they are shown and focused, and null comes back. */
  const check = () => {
    const verdict = validateSiteForm(form, {
      secretValues,
      storedSecrets: list?.secretNames ?? [],
      takenIds,
    });
    if (verdict.ok) {
      setErrors({});
      return verdict;
    }
    setErrors(verdict.errors);
    setFocusSeq((n) => n + 1);
    return null;
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const verdict = check();
    if (!verdict) return;
    setSaving(true);
    void client.call('sites.save', { profile: verdict.profile, secrets: verdict.secrets }).then((r) => {
      setSaving(false);
      if (r.ok) {
        setSecretValues({});
        onSaved(r.value.profile, !editing);
        return;
      }
      setErrors(serverErrorToFieldErrors(r.error));
      setFocusSeq((n) => n + 1);
      // The core stores typed secrets before it judges the profile: ask which names it holds now.
      void reloadSiteProfiles(client);
    });
  };

  const runTest = () => {
    if (test.kind === 'running') return;
    const verdict = check();
    if (!verdict) {
      setTest({ kind: 'idle' });
      return;
    }
    setTest({ kind: 'running' });
    const key = formKey;
    void client.call('sites.test', { profile: verdict.profile, secrets: verdict.secrets }).then((r) => {
      if (r.ok) setTest({ kind: 'done', checks: r.value.checks, formKey: key });
      else {
        setTest({ kind: 'error', message: r.error.message });
        if (r.error.code === 'INVALID_REQUEST' || r.error.code === 'CONFIG_INVALID')
          setErrors(serverErrorToFieldErrors(r.error));
      }
    });
  };

  const problems = countFields(errors);
  const footer = saving
    ? 'Saving…'
    : errors.form
      ? 'Not saved: see the message at the top of the form.'
      : problems > 0
        ? `Not saved: ${problems === 1 ? '1 field needs' : `${problems} fields need`} attention.`
        : '';

  return (
    <dialog
      ref={ref}
      className="modal site-form-modal"
      aria-label={title}
      data-testid="site-form"
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      <form className="site-form" onSubmit={save} noValidate>
        <div className="site-form-head">
          <h2 className="modal-title">{title}</h2>
          {!editing && list?.demo && (
            <p className="modal-intro">Saving replaces the simulated demo fleet with this site.</p>
          )}
          {errors.form && (
            <p className="form-error-top" role="alert" tabIndex={-1}>
              {errors.form}
            </p>
          )}
        </div>

        <div className="site-form-body">
          <LocationSection ctx={ctx} />
          <EnergySection ctx={ctx} />
          <TelemetrySection ctx={ctx} />
          <SchedulerSection ctx={ctx} />
          <BastionSection ctx={ctx} />
          <TestResults state={test} stale={test.kind === 'done' && test.formKey !== formKey} />
        </div>

        <div className="site-form-foot">
          <p className="form-status" role="status">
            {footer}
          </p>
          <button
            type="button"
            className="button"
            onClick={runTest}
            aria-disabled={test.kind === 'running' || undefined}
          >
            Test connection
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button is-primary" aria-disabled={saving || undefined}>
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
