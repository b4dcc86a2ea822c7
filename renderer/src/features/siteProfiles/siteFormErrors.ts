import { SiteProfileSchema, type SiteProfile } from '../../../../shared/siteProfile';
import type { AppError } from '../../../../shared/result';
import { formToCandidate, type FieldErrors, type FieldKey, type SiteForm } from './siteForm';
import type { SecretValues } from './secretSlots';

type PathKey = string | number;

/** Profile paths (dot-joined, endpoint indexes as "#") → the form field that edits them. */
const PATH_FIELDS: Record<string, FieldKey> = {
  id: 'id',
  name: 'name',
  city: 'city',
  country: 'country',
  subdivision: 'subdivision',
  lat: 'lat',
  lon: 'lon',
  timeZone: 'timeZone',
  tariff: 'currency',
  'tariff.currency': 'currency',
  'tariff.perKwh': 'perKwh',
  pue: 'pue',
  carbonGPerKwh: 'carbon',
  labels: 'labels',
  telemetry: 'telemetryKind',
  'telemetry.kind': 'telemetryKind',
  'telemetry.endpoints': 'endpoints',
  'telemetry.url': 'promUrl',
  'telemetry.selector': 'promSelector',
  'telemetry.mode': 'promMode',
  'telemetry.auth': 'promAuthKind',
  'telemetry.auth.kind': 'promAuthKind',
  'telemetry.auth.username': 'promUsername',
  'telemetry.auth.secret': 'promSecret',
  'telemetry.caFile': 'promCaFile',
  scheduler: 'slurmEnabled',
  'scheduler.url': 'slurmUrl',
  'scheduler.user': 'slurmUser',
  'scheduler.tokenSecret': 'slurmTokenSecret',
  'scheduler.scontrol': 'scontrolVia',
  'scheduler.scontrol.via': 'scontrolVia',
  'scheduler.scontrol.slurmConf': 'slurmConf',
  'scheduler.scontrol.host': 'scontrolHost',
  'scheduler.scontrol.user': 'scontrolUser',
  bastion: 'bastionEnabled',
  'bastion.host': 'bastionHost',
  'bastion.port': 'bastionPort',
  'bastion.nodePort': 'bastionNodePort',
  'bastion.user': 'bastionUser',
  'bastion.auth': 'bastionAuthKind',
  'bastion.auth.kind': 'bastionAuthKind',
  'bastion.auth.keyFile': 'bastionKeyFile',
  'bastion.auth.passphraseSecret': 'bastionPassphraseSecret',
  'bastion.auth.secret': 'bastionSecret',
  'bastion.hostKeys': 'bastionHostKeys',
};

/**
 * The form field for a profile path, e.g. ["telemetry", "endpoints", 2, "url"] → "endpoints.2.url",
 * ["labels", "env"] → "labels". A path no field edits climbs to its parent; none at all → null.
 */
export function fieldForPath(path: readonly PathKey[]): FieldKey | null {
  if (path[0] === 'telemetry' && path[1] === 'endpoints' && typeof path[2] === 'number') {
    const leaf = path[3];
    if (leaf === 'hostname' || leaf === 'url') return `endpoints.${path[2]}.${leaf}`;
    return `endpoints.${path[2]}.url`;
  }
  for (let n = path.length; n > 0; n--) {
    const key = path
      .slice(0, n)
      .filter((p) => typeof p !== 'number')
      .join('.');
    const field = PATH_FIELDS[key];
    if (field) return field;
  }
  return null;
}

/**
 * zod's own wording ("Too small: expected string to have >=1 characters") in a person's words; the
 * schema's custom messages ("use the ISO 3166-1 alpha-2 code…") are kept and capitalised.
 */
export function friendlyMessage(message: string): string {
  let m: RegExpExecArray | null;
  if (/^Too small: expected string to have >=1 characters?/.test(message)) return 'Required.';
  if ((m = /^Too small: expected string to have >=(\d+)/.exec(message)))
    return `At least ${m[1]} characters.`;
  if ((m = /^Too big: expected string to have <=(\d+)/.exec(message))) return `At most ${m[1]} characters.`;
  if ((m = /^Too small: expected number to be >=?(-?[\d.]+)/.exec(message))) return `At least ${m[1]}.`;
  if ((m = /^Too big: expected number to be <=?(-?[\d.]+)/.exec(message))) return `At most ${m[1]}.`;
  if (/^Invalid input: expected number/.test(message)) return 'Enter a number.';
  if (/^Invalid input: expected int/.test(message)) return 'Enter a whole number.';
  if (/^Invalid input: expected string/.test(message)) return 'Required.';
  const text = message.trim();
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?)…]$/.test(sentence) ? sentence : `${sentence}.`;
}

export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Schema issues as one message per field (the first wins). A host-key issue names its line, since
 * the field holds many. Issues no field edits go to "form".
 */
export function issuesToFieldErrors(issues: readonly IssueLike[], into: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = { ...into };
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathKey => typeof p !== 'symbol');
    const field = fieldForPath(path) ?? 'form';
    let text = friendlyMessage(issue.message);
    if (field === 'bastionHostKeys' && typeof path[2] === 'number') text = `Line ${path[2] + 1}: ${text}`;
    if (field === 'form' && path.length) text = `${path.join('.')}: ${text}`;
    if (field === 'form' && out.form) out.form = `${out.form} ${text}`;
    else if (!out[field]) out[field] = text;
  }
  return out;
}

/** "telemetry.endpoints.0.url" → ["telemetry", "endpoints", 0, "url"]. */
const splitPath = (dotted: string): PathKey[] =>
  dotted
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * A refusal from sites.save / sites.test placed on the fields it names:
 * - INVALID_REQUEST lists "profile.country: …; profile.telemetry.url: …" (the contract's zod paths);
 * - CONFIG_INVALID names "site x (sites.0.telemetry.auth.secret): no secret named …";
 * anything else, or a path no field edits, goes to "form".
 */
export function serverErrorToFieldErrors(error: AppError): FieldErrors {
  const out: FieldErrors = {};
  const addForm = (text: string) => {
    out.form = out.form ? `${out.form} ${text}` : text;
  };
  if (error.code === 'INVALID_REQUEST') {
    const body = error.message.replace(/^.*?bad request:\s*/s, '');
    const parts = body.split(/;\s+(?=(?:profile|secrets)\b[^\s:]*:\s)/);
    let placed = false;
    for (const part of parts) {
      const m = /^profile\.([^\s:]+):\s+(.*)$/s.exec(part.trim());
      const field = m ? fieldForPath(splitPath(m[1]!)) : null;
      if (m && field) {
        if (!out[field]) out[field] = friendlyMessage(m[2]!);
        placed = true;
      } else if (/^secrets\b/.test(part.trim())) {
        addForm(`A secret value was refused: ${part.trim()}`);
        placed = true;
      }
    }
    if (!placed) addForm(error.message);
    return out;
  }
  if (error.code === 'CONFIG_INVALID') {
    const m = /\(sites\.\d+\.([^)\s]+)\):\s*(.*)$/s.exec(error.message);
    const field = m ? fieldForPath(splitPath(m[1]!)) : null;
    if (m && field) out[field] = friendlyMessage(m[2]!);
    else addForm(error.message);
    return out;
  }
  addForm(error.code === 'FORBIDDEN' ? `Needs the Admin role. ${error.message}` : error.message);
  return out;
}

export type SiteFormVerdict =
  { ok: true; profile: SiteProfile; secrets: Record<string, string> } | { ok: false; errors: FieldErrors };

export interface ValidateOptions {
  secretValues?: SecretValues;
  storedSecrets?: readonly string[];
  /** Ids already taken, when adding (an edit keeps its own id). */
  takenIds?: readonly string[];
}

/**
 * The whole client-side check: the form's own problems (numbers, labels, secrets), then the contract's
 * SiteProfileSchema — the same rules the core applies — mapped onto the fields.
 */
export function validateSiteForm(form: SiteForm, opts: ValidateOptions = {}): SiteFormVerdict {
  const candidate = formToCandidate(form, opts.secretValues, opts.storedSecrets);
  const parsed = SiteProfileSchema.safeParse(candidate.profile);
  let errors: FieldErrors = { ...candidate.errors };
  if (!parsed.success) errors = issuesToFieldErrors(parsed.error.issues, errors);
  const id = form.id.trim();
  if (!errors.id && opts.takenIds?.includes(id))
    errors.id = `A site with the id "${id}" exists already: edit that one, or choose another id.`;
  if (parsed.success && Object.keys(errors).length === 0)
    return { ok: true, profile: parsed.data, secrets: candidate.secrets };
  return { ok: false, errors };
}
