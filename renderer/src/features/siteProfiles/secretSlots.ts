import type { SiteForm } from './siteForm';

/** The form's secret-name fields; each has a password input beside it for the value. */
export const SECRET_SLOTS = [
  'promSecret',
  'slurmTokenSecret',
  'bastionPassphraseSecret',
  'bastionSecret',
] as const;
export type SecretSlot = (typeof SECRET_SLOTS)[number];
export type SecretValueKey = `${SecretSlot}Value`;
export type SecretValues = Partial<Record<SecretSlot, string>>;

const SECRET_SUFFIX: Record<SecretSlot, string> = {
  promSecret: 'prometheus',
  slurmTokenSecret: 'slurm-token',
  bastionPassphraseSecret: 'bastion-key',
  bastionSecret: 'bastion',
};

/** The name a secret gets when its name field is left blank: "eu-fra-1/prometheus". */
export const defaultSecretName = (siteId: string, slot: SecretSlot): string =>
  `${siteId.trim() || 'site'}/${SECRET_SUFFIX[slot]}`;

/** The secret slots the form's current choices use. A key passphrase is optional: used once named or typed. */
export function activeSecretSlots(f: SiteForm, values: SecretValues = {}): SecretSlot[] {
  const slots: SecretSlot[] = [];
  if (f.telemetryKind === 'prometheus' && f.promAuthKind !== 'none') slots.push('promSecret');
  if (f.slurmEnabled) slots.push('slurmTokenSecret');
  if (f.bastionEnabled && f.bastionAuthKind === 'password') slots.push('bastionSecret');
  if (
    f.bastionEnabled &&
    f.bastionAuthKind === 'key' &&
    (f.bastionPassphraseSecret.trim() !== '' || (values.bastionPassphraseSecret ?? '') !== '')
  )
    slots.push('bastionPassphraseSecret');
  return slots;
}

/** The name a slot's secret is stored under: as typed, or the default when left blank. */
export const secretNameOf = (f: SiteForm, slot: SecretSlot): string =>
  f[slot].trim() || defaultSecretName(f.id, slot);
