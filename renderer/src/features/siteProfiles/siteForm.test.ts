import { describe, expect, it } from 'vitest';
import type { SiteProfile } from '../../../../shared/siteProfile';
import { emptySiteForm, formToCandidate, profileToForm, type SiteForm } from './siteForm';
import { activeSecretSlots, defaultSecretName } from './secretSlots';
import { formatLabels, parseLabels } from './labelsText';
import { validateSiteForm } from './siteFormErrors';

const full: SiteProfile = {
  id: 'eu-fra-1',
  name: 'Frankfurt 1',
  city: 'Frankfurt am Main',
  country: 'DE',
  subdivision: 'DE-HE',
  lat: 50.1109,
  lon: 8.6821,
  timeZone: 'Europe/Berlin',
  tariff: { currency: 'EUR', perKwh: 0.21 },
  pue: 1.25,
  carbonGPerKwh: 120,
  labels: { tier: '1', owner: 'noc' },
  telemetry: {
    kind: 'prometheus',
    url: 'https://prom.fra1.example:9090',
    selector: 'job="dcgm",site="fra1"',
    auth: { kind: 'basic', username: 'reader', secret: 'eu-fra-1/prom' },
    caFile: '/etc/ssl/fra1-ca.pem',
    mode: 'per-node',
  },
  scheduler: {
    kind: 'slurm',
    url: 'http://slurm-ctl:6820',
    user: 'slurm',
    tokenSecret: 'eu-fra-1/slurm',
    scontrol: { via: 'ssh', host: 'slurm-ctl', user: 'ops' },
  },
  bastion: {
    host: 'bastion.fra1.example',
    port: 2222,
    nodePort: 2200,
    user: 'jump',
    auth: { kind: 'key', keyFile: '/home/ops/.ssh/id_ed25519', passphraseSecret: 'eu-fra-1/key' },
    hostKeys: ['SHA256:' + 'A'.repeat(43)],
  },
};

const dcgm: SiteProfile = {
  id: 'us-sea-2',
  name: 'Seattle 2',
  city: '',
  country: 'US',
  lat: 47.6,
  lon: -122.3,
  telemetry: {
    kind: 'dcgm',
    endpoints: [
      { hostname: 'gpu-01', url: 'http://10.0.0.11:9400/metrics' },
      { hostname: 'gpu-02', url: 'http://10.0.0.12:9400/metrics' },
    ],
  },
};

const form = (over: Partial<SiteForm> = {}): SiteForm => ({
  ...emptySiteForm(),
  id: 'eu-x-1',
  name: 'X',
  country: 'DE',
  lat: '50',
  lon: '8',
  endpoints: [{ rowId: 'r', hostname: 'n1', url: 'http://127.0.0.1:9400/metrics' }],
  ...over,
});

describe('profile ↔ form', () => {
  it('round-trips a profile that uses every section', () => {
    const stored = ['eu-fra-1/prom', 'eu-fra-1/slurm', 'eu-fra-1/key'];
    const v = validateSiteForm(profileToForm(full), { storedSecrets: stored });
    expect(v).toEqual({ ok: true, profile: full, secrets: {} });
  });

  it('round-trips a plain dcgm-exporter profile, leaving the optional parts out', () => {
    const v = validateSiteForm(profileToForm(dcgm));
    expect(v).toEqual({ ok: true, profile: dcgm, secrets: {} });
  });

  it('round-trips local scontrol and password bastions', () => {
    const p: SiteProfile = {
      ...dcgm,
      scheduler: {
        kind: 'slurm',
        url: 'http://c:6820',
        user: 'u',
        tokenSecret: 't',
        scontrol: { via: 'local', slurmConf: '/etc/slurm/slurm.conf' },
      },
      bastion: {
        host: 'b',
        port: 22,
        nodePort: 22,
        user: 'u',
        auth: { kind: 'password', secret: 'pw' },
        hostKeys: [],
      },
    };
    expect(validateSiteForm(profileToForm(p), { storedSecrets: ['t', 'pw'] })).toEqual({
      ok: true,
      profile: p,
      secrets: {},
    });
  });

  it('keeps what the form does not edit when editing, and drops what was cleared', () => {
    // A field the schema might gain later, which this form knows nothing about.
    const stored = {
      ...full,
      future: 'kept',
      bastion: { ...full.bastion!, future: 1, auth: { ...full.bastion!.auth, future: 2 } },
    } as unknown as SiteProfile;
    const f = { ...profileToForm(stored), subdivision: '', pue: '' };
    const c = formToCandidate(f);
    expect(c.profile).toMatchObject({ future: 'kept', bastion: { future: 1, auth: { future: 2 } } });
    expect(c.profile).not.toHaveProperty('subdivision');
    expect(c.profile).not.toHaveProperty('pue');
    // A different kind of thing starts clean: nothing of the old auth is carried into a new one.
    const agent = formToCandidate({ ...f, bastionAuthKind: 'agent' });
    expect((agent.profile.bastion as { auth: unknown }).auth).toEqual({ kind: 'agent' });
  });

  it('trims text, upper-cases codes and drops blank optional fields', () => {
    const c = formToCandidate(
      form({
        id: ' eu-x-1 ',
        country: 'de',
        subdivision: ' de-he',
        currency: 'eur',
        perKwh: '0.3',
        city: ' ',
      }),
    );
    expect(c.profile).toMatchObject({
      id: 'eu-x-1',
      country: 'DE',
      subdivision: 'DE-HE',
      city: '',
      tariff: { currency: 'EUR', perKwh: 0.3 },
    });
    expect(c.profile).not.toHaveProperty('timeZone');
    expect(c.profile).not.toHaveProperty('pue');
    expect(c.profile).not.toHaveProperty('labels');
    expect(c.profile).not.toHaveProperty('scheduler');
    expect(c.profile).not.toHaveProperty('bastion');
  });

  it('says what is wrong with numbers before the schema does', () => {
    const v = validateSiteForm(form({ lat: '', lon: 'east', pue: '0.9', perKwh: '0.2' }));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.lat).toBe('Required: enter a number.');
    expect(v.errors.lon).toBe('Enter a number (not "east").');
    expect(v.errors.pue).toBe('PUE is at least 1.0.');
    // A price without a currency: the schema's currency rule speaks.
    expect(v.errors.currency).toMatch(/ISO 4217/);
  });

  it('keeps blank endpoint rows so problems line up with the rows on screen', () => {
    const v = validateSiteForm(
      form({
        endpoints: [
          { rowId: 'a', hostname: 'n1', url: 'http://h:9400/metrics' },
          { rowId: 'b', hostname: '', url: '' },
          { rowId: 'c', hostname: 'n3', url: 'ftp://h' },
        ],
      }),
    );
    expect(v).toMatchObject({
      ok: false,
      errors: {
        'endpoints.1.hostname': 'Required.',
        'endpoints.1.url': 'An http:// or https:// URL.',
        'endpoints.2.url': 'An http:// or https:// URL.',
      },
    });
  });

  it('refuses an id that is taken when adding', () => {
    expect(validateSiteForm(form(), { takenIds: ['eu-x-1'] })).toMatchObject({
      ok: false,
      errors: { id: expect.stringContaining('exists already') },
    });
  });
});

describe('secrets', () => {
  const prom = (over: Partial<SiteForm> = {}) =>
    form({ telemetryKind: 'prometheus', promUrl: 'http://127.0.0.1:9090', promAuthKind: 'bearer', ...over });

  it('names a blank secret after the site and sends a typed value under that name', () => {
    const v = validateSiteForm(prom(), { secretValues: { promSecret: 't0ken' } });
    expect(v).toMatchObject({
      ok: true,
      profile: { telemetry: { auth: { kind: 'bearer', secret: 'eu-x-1/prometheus' } } },
      secrets: { 'eu-x-1/prometheus': 't0ken' },
    });
    expect(defaultSecretName('', 'slurmTokenSecret')).toBe('site/slurm-token');
  });

  it('asks for the value of a secret the store does not hold; a stored one may stay blank', () => {
    expect(validateSiteForm(prom({ promSecret: 'shared/prom' }))).toMatchObject({
      ok: false,
      errors: { promSecretValue: 'No secret named "shared/prom" is stored yet: type its value.' },
    });
    expect(
      validateSiteForm(prom({ promSecret: 'shared/prom' }), { storedSecrets: ['shared/prom'] }),
    ).toMatchObject({ ok: true, secrets: {} });
  });

  it('uses a key passphrase only once it is named or typed', () => {
    const f = form({ bastionEnabled: true, bastionHost: 'b', bastionUser: 'u', bastionAuthKind: 'key' });
    expect(activeSecretSlots(f)).toEqual([]);
    expect(activeSecretSlots(f, { bastionPassphraseSecret: 'x' })).toEqual(['bastionPassphraseSecret']);
    const v = validateSiteForm({ ...f, bastionKeyFile: '/k' });
    expect(v).toMatchObject({
      ok: true,
      profile: { bastion: { auth: { kind: 'key', keyFile: '/k' }, port: 22 } },
    });
    if (v.ok) expect(v.profile.bastion?.auth).not.toHaveProperty('passphraseSecret');
  });

  it('ignores secrets of sections that are switched off', () => {
    const v = validateSiteForm(form({ promAuthKind: 'bearer', slurmEnabled: false }), {
      secretValues: { promSecret: 'unused', slurmTokenSecret: 'unused' },
    });
    expect(v).toMatchObject({ ok: true, secrets: {} });
  });
});

describe('labels', () => {
  it('formats and parses "key=value, …"', () => {
    expect(formatLabels({ a: '1', b: 'x y' })).toBe('a=1, b=x y');
    expect(parseLabels(' a=1 ,b = x y,, ')).toEqual({ labels: { a: '1', b: 'x y' } });
    expect(parseLabels('')).toEqual({});
    expect(parseLabels('a=')).toEqual({ labels: { a: '' } });
  });

  it('names the part it cannot read', () => {
    expect(parseLabels('a=1, b')).toEqual({ problem: 'Write each label as key=value (not "b").' });
    expect(parseLabels('=1')).toMatchObject({ problem: expect.stringContaining('"=1"') });
    expect(parseLabels('a=1, a=2')).toEqual({ problem: 'The label "a" is given twice.' });
  });
});
