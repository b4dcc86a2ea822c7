import { describe, expect, it } from 'vitest';
import { calls } from '../../../../shared/contract';
import { SiteProfileSchema } from '../../../../shared/siteProfile';
import { describeZodError } from '../../../../shared/wire';
import {
  fieldForPath,
  friendlyMessage,
  issuesToFieldErrors,
  serverErrorToFieldErrors,
} from './siteFormErrors';

describe('fieldForPath', () => {
  it.each([
    [['country'], 'country'],
    [['tariff', 'perKwh'], 'perKwh'],
    [['tariff'], 'currency'],
    [['carbonGPerKwh'], 'carbon'],
    [['labels', 'env'], 'labels'],
    [['telemetry', 'url'], 'promUrl'],
    [['telemetry', 'selector'], 'promSelector'],
    [['telemetry', 'auth', 'secret'], 'promSecret'],
    [['telemetry', 'auth', 'username'], 'promUsername'],
    [['telemetry', 'endpoints'], 'endpoints'],
    [['telemetry', 'endpoints', 3, 'hostname'], 'endpoints.3.hostname'],
    [['telemetry', 'endpoints', 0], 'endpoints.0.url'],
    [['scheduler', 'scontrol', 'host'], 'scontrolHost'],
    [['scheduler', 'tokenSecret'], 'slurmTokenSecret'],
    [['bastion', 'hostKeys', 1], 'bastionHostKeys'],
    [['bastion', 'auth', 'passphraseSecret'], 'bastionPassphraseSecret'],
    [['telemetry', 'nonsense'], 'telemetryKind'],
  ] as const)('%j → %s', (path, field) => {
    expect(fieldForPath(path)).toBe(field);
  });

  it('gives up on paths outside the profile', () => {
    expect(fieldForPath(['whatever'])).toBeNull();
    expect(fieldForPath([])).toBeNull();
  });
});

describe('friendlyMessage', () => {
  it("puts zod's wording in a person's words and keeps the schema's own", () => {
    expect(friendlyMessage('Too small: expected string to have >=1 characters')).toBe('Required.');
    expect(friendlyMessage('Too big: expected string to have <=253 characters')).toBe(
      'At most 253 characters.',
    );
    expect(friendlyMessage('Too small: expected number to be >=0')).toBe('At least 0.');
    expect(friendlyMessage('Too big: expected number to be <=10')).toBe('At most 10.');
    expect(friendlyMessage('Invalid input: expected number, received undefined')).toBe('Enter a number.');
    expect(friendlyMessage('use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)')).toBe(
      'Use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)',
    );
    expect(friendlyMessage('latitude is -90 to 90')).toBe('Latitude is -90 to 90.');
  });
});

describe('issuesToFieldErrors', () => {
  it('maps the schema’s issues onto fields, first one per field', () => {
    const r = SiteProfileSchema.safeParse({
      id: 'Bad Id',
      name: '',
      country: 'Germany',
      lat: 91,
      lon: 0,
      telemetry: { kind: 'prometheus', url: 'prom:9090' },
      bastion: { host: 'b', user: 'u', hostKeys: ['SHA256:' + 'A'.repeat(43), 'md5:xx'] },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(issuesToFieldErrors(r.error.issues)).toEqual({
      id: 'Use lower-case letters, digits and "-" (e.g. eu-fra-1)',
      name: 'Give the site a name.',
      country: 'Use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)',
      lat: 'Latitude is -90 to 90.',
      promUrl: 'An http:// or https:// URL.',
      bastionHostKeys: 'Line 2: A fingerprint like SHA256:…',
    });
  });

  it('keeps errors found before the schema, and collects the unplaceable under "form"', () => {
    expect(
      issuesToFieldErrors(
        [
          { path: ['lat'], message: 'Invalid input: expected number, received undefined' },
          { path: ['extra'], message: 'Unrecognized key' },
          { path: [], message: 'bad' },
        ],
        { lat: 'Required: enter a number.' },
      ),
    ).toEqual({ lat: 'Required: enter a number.', form: 'extra: Unrecognized key. Bad.' });
  });
});

describe('serverErrorToFieldErrors', () => {
  it('places INVALID_REQUEST paths as the dispatcher words them', () => {
    const parsed = calls['sites.save'].request.safeParse({
      profile: {
        id: 'eu-1',
        name: 'N',
        country: 'Deutschland',
        lat: 1,
        lon: 1,
        telemetry: { kind: 'dcgm', endpoints: [{ hostname: 'h', url: 'nope' }] },
      },
    });
    if (parsed.success) throw new Error('expected a refusal');
    const message = `"sites.save" was called with a bad request: ${describeZodError(parsed.error)}`;
    expect(serverErrorToFieldErrors({ code: 'INVALID_REQUEST', message })).toEqual({
      country: 'Use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)',
      'endpoints.0.url': 'An http:// or https:// URL.',
    });
  });

  it('places a CONFIG_INVALID secret or CA problem on its field', () => {
    expect(
      serverErrorToFieldErrors({
        code: 'CONFIG_INVALID',
        message:
          'site eu-1 (sites.0.telemetry.auth.secret): no secret named "x" in the secret store. Nothing was saved.',
      }),
    ).toEqual({ promSecret: 'No secret named "x" in the secret store. Nothing was saved.' });
    expect(
      serverErrorToFieldErrors({
        code: 'CONFIG_INVALID',
        message: 'site eu-1 (sites.3.telemetry.caFile): cannot read /x.pem: ENOENT. Nothing was saved.',
      }),
    ).toEqual({ promCaFile: 'Cannot read /x.pem: ENOENT. Nothing was saved.' });
  });

  it('puts everything else at the top of the form', () => {
    expect(serverErrorToFieldErrors({ code: 'UNAVAILABLE', message: 'Could not write x.' })).toEqual({
      form: 'Could not write x.',
    });
    expect(
      serverErrorToFieldErrors({ code: 'FORBIDDEN', message: 'NOC operator may not call "sites.save".' }),
    ).toEqual({ form: 'Needs the Admin role. NOC operator may not call "sites.save".' });
    expect(
      serverErrorToFieldErrors({
        code: 'INVALID_REQUEST',
        message: '"sites.save" was called with a bad request: x',
      }),
    ).toEqual({ form: '"sites.save" was called with a bad request: x' });
    expect(
      serverErrorToFieldErrors({
        code: 'INVALID_REQUEST',
        message: '"sites.save" was called with a bad request: secrets.a/b: Too small',
      }),
    ).toEqual({ form: 'A secret value was refused: secrets.a/b: Too small' });
  });
});
