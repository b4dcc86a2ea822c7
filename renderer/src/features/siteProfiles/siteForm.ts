import type { SiteProfile } from '../../../../shared/siteProfile';
import { formatLabels, parseLabels } from './labelsText';
import { activeSecretSlots, secretNameOf, type SecretValueKey, type SecretValues } from './secretSlots';

/**
 * The site form as typed: every input holds a string (numbers too, so "50." can be typed on the way to
 * "50.1"), choices hold their enum. `formToCandidate` turns it into a profile-shaped object for
 * SiteProfileSchema to judge; `profileToForm` goes the other way for "Edit". Secret *values* are not
 * part of it: they live in their own state and are sent once with save/test (see `SecretSlot`).
 */
export interface EndpointRow {
  /** React key only; never sent. */
  rowId: string;
  hostname: string;
  url: string;
}

export type PromMode = '' | 'auto' | 'per-gpu' | 'per-node';
export type PromAuthKind = 'none' | 'bearer' | 'basic';
export type BastionAuthKind = 'agent' | 'key' | 'password';

export interface SiteForm {
  /**
   * The profile being edited, as stored; null when adding. Fields this form does not edit (added to the
   * schema after it) are carried over from it, so saving an edit never drops them.
   */
  base: SiteProfile | null;
  id: string;
  name: string;
  city: string;
  country: string;
  subdivision: string;
  lat: string;
  lon: string;
  timeZone: string;

  currency: string;
  perKwh: string;
  pue: string;
  carbon: string;
  labels: string;

  telemetryKind: 'dcgm' | 'prometheus';
  endpoints: EndpointRow[];
  promUrl: string;
  promSelector: string;
  promMode: PromMode;
  promAuthKind: PromAuthKind;
  promUsername: string;
  promSecret: string;
  promCaFile: string;

  slurmEnabled: boolean;
  slurmUrl: string;
  slurmUser: string;
  slurmTokenSecret: string;
  scontrolVia: 'local' | 'ssh';
  slurmConf: string;
  scontrolHost: string;
  scontrolUser: string;

  bastionEnabled: boolean;
  bastionHost: string;
  bastionPort: string;
  /** The port of the nodes' sshd, reached through the bastion. */
  bastionNodePort: string;
  bastionUser: string;
  bastionAuthKind: BastionAuthKind;
  bastionKeyFile: string;
  bastionPassphraseSecret: string;
  bastionSecret: string;
  /** One SHA256:… fingerprint a line. */
  bastionHostKeys: string;
}

/** A field of the form by name; endpoint rows are "endpoints.<i>.hostname" / "endpoints.<i>.url". */
export type FieldKey =
  Exclude<keyof SiteForm, 'base'> | `endpoints.${number}.${'hostname' | 'url'}` | SecretValueKey;
/** The fields that hold text. */
export type TextKey = {
  [K in keyof SiteForm]: SiteForm[K] extends string ? K : never;
}[keyof SiteForm];

/** Problems by field; "form" holds what belongs to no field. */
export type FieldErrors = Partial<Record<FieldKey | 'form', string>>;

let rowSeq = 0;
export const newEndpointRow = (hostname = '', url = ''): EndpointRow => ({
  rowId: `ep-${++rowSeq}`,
  hostname,
  url,
});

export function emptySiteForm(): SiteForm {
  return {
    base: null,
    id: '',
    name: '',
    city: '',
    country: '',
    subdivision: '',
    lat: '',
    lon: '',
    timeZone: '',
    currency: '',
    perKwh: '',
    pue: '',
    carbon: '',
    labels: '',
    telemetryKind: 'dcgm',
    endpoints: [newEndpointRow()],
    promUrl: '',
    promSelector: '',
    promMode: '',
    promAuthKind: 'none',
    promUsername: '',
    promSecret: '',
    promCaFile: '',
    slurmEnabled: false,
    slurmUrl: '',
    slurmUser: '',
    slurmTokenSecret: '',
    scontrolVia: 'local',
    slurmConf: '',
    scontrolHost: '',
    scontrolUser: '',
    bastionEnabled: false,
    bastionHost: '',
    bastionPort: '22',
    bastionNodePort: '22',
    bastionUser: '',
    bastionAuthKind: 'agent',
    bastionKeyFile: '',
    bastionPassphraseSecret: '',
    bastionSecret: '',
    bastionHostKeys: '',
  };
}

const num = (v: number | undefined): string => (v === undefined ? '' : String(v));

/** A stored profile as the form shows it, for "Edit". */
export function profileToForm(p: SiteProfile): SiteForm {
  const f = emptySiteForm();
  Object.assign(f, {
    base: p,
    id: p.id,
    name: p.name,
    city: p.city,
    country: p.country,
    subdivision: p.subdivision ?? '',
    lat: String(p.lat),
    lon: String(p.lon),
    timeZone: p.timeZone ?? '',
    currency: p.tariff?.currency ?? '',
    perKwh: num(p.tariff?.perKwh),
    pue: num(p.pue),
    carbon: num(p.carbonGPerKwh),
    labels: formatLabels(p.labels),
  });
  const t = p.telemetry;
  if (t.kind === 'dcgm') {
    f.telemetryKind = 'dcgm';
    f.endpoints = t.endpoints.map((e) => newEndpointRow(e.hostname, e.url));
  } else {
    f.telemetryKind = 'prometheus';
    f.promUrl = t.url;
    f.promSelector = t.selector ?? '';
    f.promMode = t.mode ?? '';
    f.promAuthKind = t.auth?.kind ?? 'none';
    f.promUsername = t.auth?.kind === 'basic' ? t.auth.username : '';
    f.promSecret = t.auth?.secret ?? '';
    f.promCaFile = t.caFile ?? '';
  }
  const s = p.scheduler;
  if (s) {
    f.slurmEnabled = true;
    f.slurmUrl = s.url;
    f.slurmUser = s.user;
    f.slurmTokenSecret = s.tokenSecret;
    f.scontrolVia = s.scontrol.via;
    if (s.scontrol.via === 'local') f.slurmConf = s.scontrol.slurmConf ?? '';
    else {
      f.scontrolHost = s.scontrol.host;
      f.scontrolUser = s.scontrol.user ?? '';
    }
  }
  const b = p.bastion;
  if (b) {
    f.bastionEnabled = true;
    f.bastionHost = b.host;
    f.bastionPort = String(b.port);
    f.bastionNodePort = String(b.nodePort);
    f.bastionUser = b.user;
    f.bastionAuthKind = b.auth.kind;
    if (b.auth.kind === 'key') {
      f.bastionKeyFile = b.auth.keyFile;
      f.bastionPassphraseSecret = b.auth.passphraseSecret ?? '';
    } else if (b.auth.kind === 'password') f.bastionSecret = b.auth.secret;
    f.bastionHostKeys = b.hostKeys.join('\n');
  }
  return f;
}

// ---------- form → profile ----------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `built` plus the keys of `base` this form does not manage (`managed`): a field the schema gained after
 * the form was written survives an edit. Managed keys come only from `built`, so clearing an optional
 * field removes it.
 */
export function carry(base: unknown, built: Obj, managed: readonly string[]): Obj {
  if (!isObj(base)) return built;
  const kept: Obj = {};
  for (const [k, v] of Object.entries(base)) if (!managed.includes(k)) kept[k] = v;
  return { ...kept, ...built };
}

/** What the form edits, level by level (see `carry`). */
const MANAGED = {
  profile: [
    'id',
    'name',
    'city',
    'country',
    'subdivision',
    'lat',
    'lon',
    'timeZone',
    'tariff',
    'pue',
    'carbonGPerKwh',
    'labels',
    'telemetry',
    'scheduler',
    'bastion',
  ],
  tariff: ['currency', 'perKwh'],
  telemetry: ['kind', 'endpoints', 'url', 'selector', 'auth', 'caFile', 'mode'],
  promAuth: ['kind', 'username', 'secret'],
  scheduler: ['kind', 'url', 'user', 'tokenSecret', 'scontrol'],
  scontrol: ['via', 'slurmConf', 'host', 'user'],
  bastion: ['host', 'port', 'nodePort', 'user', 'auth', 'hostKeys'],
  bastionAuth: ['kind', 'keyFile', 'passphraseSecret', 'secret'],
} as const;

/** The base's object at `key` when it is of the same kind (discriminator) as what the form builds. */
const sameKind = (base: unknown, key: string, value: unknown): unknown =>
  isObj(base) && base[key] === value ? base : undefined;

export interface Candidate {
  /** Profile-shaped, for SiteProfileSchema.safeParse; not yet valid. */
  profile: Record<string, unknown>;
  /** Secret values typed, by the names the profile uses; only non-empty ones. */
  secrets: Record<string, string>;
  /** What is wrong before the schema even looks: numbers that are not numbers, labels, missing secrets. */
  errors: FieldErrors;
}

/**
 * The form as a profile candidate plus the typed secrets. Text is trimmed, codes upper-cased; blank
 * optional fields are left out. `storedSecrets` are the names the secret store already holds: a secret
 * named but neither stored nor typed is an error here (the site could never authenticate).
 */
export function formToCandidate(
  f: SiteForm,
  values: SecretValues = {},
  storedSecrets: readonly string[] = [],
): Candidate {
  const errors: FieldErrors = {};
  const t = (s: string) => s.trim();
  const opt = (s: string) => (t(s) === '' ? undefined : t(s));
  const number = (key: TextKey, required: boolean): number | undefined => {
    const raw = t(f[key]);
    if (raw === '') {
      if (required) errors[key] = 'Required: enter a number.';
      return undefined;
    }
    const n = Number(raw.replace(/\s/g, ''));
    if (!Number.isFinite(n)) {
      errors[key] = `Enter a number (not "${raw}").`;
      return undefined;
    }
    return n;
  };

  const base = f.base as Obj | null;
  const p: Obj = {
    id: t(f.id),
    name: t(f.name),
    city: t(f.city),
    country: t(f.country).toUpperCase(),
    lat: number('lat', true),
    lon: number('lon', true),
  };
  if (opt(f.subdivision)) p.subdivision = t(f.subdivision).toUpperCase();
  if (opt(f.timeZone)) p.timeZone = t(f.timeZone);

  const perKwh = number('perKwh', false);
  if (opt(f.currency) || perKwh !== undefined) {
    p.tariff = carry(base?.tariff, { currency: t(f.currency).toUpperCase(), perKwh }, MANAGED.tariff);
    if (perKwh === undefined && !errors.perKwh)
      errors.perKwh = 'Enter the price per kWh, or clear the currency.';
  }
  const pue = number('pue', false);
  if (pue !== undefined) p.pue = pue;
  const carbon = number('carbon', false);
  if (carbon !== undefined) p.carbonGPerKwh = carbon;
  const labels = parseLabels(f.labels);
  if (labels.problem) errors.labels = labels.problem;
  else if (labels.labels) p.labels = labels.labels;

  const baseTelemetry = sameKind(base?.telemetry, 'kind', f.telemetryKind);
  if (f.telemetryKind === 'dcgm') {
    p.telemetry = carry(
      baseTelemetry,
      {
        kind: 'dcgm',
        // Every row, blank ones too: issue paths index rows, so the indexes must stay the form's.
        endpoints: f.endpoints.map((e) => ({ hostname: t(e.hostname), url: t(e.url) })),
      },
      MANAGED.telemetry,
    );
  } else {
    const tel: Obj = { kind: 'prometheus', url: t(f.promUrl) };
    if (opt(f.promSelector)) tel.selector = t(f.promSelector);
    if (f.promAuthKind !== 'none') {
      const baseAuth = isObj(baseTelemetry)
        ? sameKind(baseTelemetry.auth, 'kind', f.promAuthKind)
        : undefined;
      const secret = secretNameOf(f, 'promSecret');
      tel.auth = carry(
        baseAuth,
        f.promAuthKind === 'bearer'
          ? { kind: 'bearer', secret }
          : { kind: 'basic', username: t(f.promUsername), secret },
        MANAGED.promAuth,
      );
    }
    if (opt(f.promCaFile)) tel.caFile = t(f.promCaFile);
    if (f.promMode) tel.mode = f.promMode;
    p.telemetry = carry(baseTelemetry, tel, MANAGED.telemetry);
  }

  if (f.slurmEnabled) {
    const baseScheduler = isObj(base?.scheduler) ? base.scheduler : undefined;
    const scontrol =
      f.scontrolVia === 'local'
        ? { via: 'local', ...(opt(f.slurmConf) ? { slurmConf: t(f.slurmConf) } : {}) }
        : {
            via: 'ssh',
            host: t(f.scontrolHost),
            ...(opt(f.scontrolUser) ? { user: t(f.scontrolUser) } : {}),
          };
    p.scheduler = carry(
      baseScheduler,
      {
        kind: 'slurm',
        url: t(f.slurmUrl),
        user: t(f.slurmUser),
        tokenSecret: secretNameOf(f, 'slurmTokenSecret'),
        scontrol: carry(sameKind(baseScheduler?.scontrol, 'via', f.scontrolVia), scontrol, MANAGED.scontrol),
      },
      MANAGED.scheduler,
    );
  }

  if (f.bastionEnabled) {
    const baseBastion = isObj(base?.bastion) ? base.bastion : undefined;
    const port = number('bastionPort', false) ?? (errors.bastionPort ? undefined : 22);
    const nodePort = number('bastionNodePort', false) ?? (errors.bastionNodePort ? undefined : 22);
    const auth =
      f.bastionAuthKind === 'agent'
        ? { kind: 'agent' }
        : f.bastionAuthKind === 'password'
          ? { kind: 'password', secret: secretNameOf(f, 'bastionSecret') }
          : {
              kind: 'key',
              keyFile: t(f.bastionKeyFile),
              ...(activeSecretSlots(f, values).includes('bastionPassphraseSecret')
                ? { passphraseSecret: secretNameOf(f, 'bastionPassphraseSecret') }
                : {}),
            };
    p.bastion = carry(
      baseBastion,
      {
        host: t(f.bastionHost),
        port,
        nodePort,
        user: t(f.bastionUser),
        auth: carry(sameKind(baseBastion?.auth, 'kind', f.bastionAuthKind), auth, MANAGED.bastionAuth),
        hostKeys: f.bastionHostKeys
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      },
      MANAGED.bastion,
    );
  }

  const secrets: Record<string, string> = {};
  const stored = new Set(storedSecrets);
  for (const slot of activeSecretSlots(f, values)) {
    const name = secretNameOf(f, slot);
    const value = values[slot] ?? '';
    if (value !== '') secrets[name] = value;
    else if (!stored.has(name))
      errors[`${slot}Value`] = `No secret named "${name}" is stored yet: type its value.`;
  }

  return { profile: carry(base, p, MANAGED.profile), secrets, errors };
}
