import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HttpOutcome } from '../../sites/httpGet';
import { slurmFailureOf, toAppError, toNodeOutcome } from './slurmErrors';

const DIR = join(__dirname, '../../../../test/fixtures/slurm-22.05');
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');
const http = (status: number, body: string): HttpOutcome => ({
  kind: 'http',
  status,
  message: `HTTP ${status}`,
  text: body,
});
const ok = (body: string): HttpOutcome => ({ kind: 'ok', status: 200, text: body, headers: {} });
const fail = (res: HttpOutcome) => slurmFailureOf(res, 'listing nodes at http://c:6820', 'root');

describe('slurmFailureOf', () => {
  it('reads 22.05 HTTP 500 "Unspecified error" (bad token) as an auth failure, saying what to do', () => {
    for (const f of [
      'v0.0.38-nodes-bad-token-response.json',
      'v0.0.38-ping-bad-token-response.json',
      'v0.0.38-nodes-slurmctld-down-response.json',
    ]) {
      const e = fail(http(500, text(f)));
      expect(e?.kind, f).toBe('auth');
      expect(e?.message).toMatch(
        /refused the token of "root".*scontrol token username=root.*slurmctld is up/,
      );
    }
  });

  it('reads 401/403 and the plain "Authentication failure" (no headers) as auth', () => {
    expect(fail(http(401, 'Authentication failure'))?.kind).toBe('auth');
    expect(fail(http(403, ''))?.kind).toBe('auth');
  });

  it("turns errors[] into a readable message with Slurm's number", () => {
    const e = fail(http(500, text('v0.0.38-job-notfound-response.json')));
    expect(e).toEqual({
      kind: 'rejected',
      slurmErrno: 2017,
      message:
        'listing nodes at http://c:6820: Slurm said Invalid job id specified (Unable to find JobId=999999; Slurm error 2017)',
    });
    expect(toAppError(e!).code).toBe('NOT_FOUND');
    const noEnv = fail(http(400, text('v0.0.38-job-submit-no-environment-response.json')));
    expect(noEnv).toMatchObject({ kind: 'rejected', slurmErrno: 2127 });
    expect(noEnv?.message).toMatch(/environment must be set \(Slurm error 2127\); Failure during parsing/);
    const cancel = fail(http(500, text('v0.0.38-job-cancel-notfound-response.json')));
    expect(cancel?.message).toMatch(/unable to kill JobId=999999/);
  });

  it('reads a 2xx with errors as rejected, and a clean one as success', () => {
    expect(fail(ok(text('v0.0.38-job-cancel-response.json')))).toBeNull();
    expect(fail(ok(text('v0.0.38-nodes.json')))).toBeNull();
    expect(fail(ok('{"errors":[{"error":"nope","error_number":1}]}'))?.kind).toBe('rejected');
  });

  it('reads REST calls 22.05 does not have, transport failures and garbage', () => {
    const e405 = fail(http(405, text('v0.0.38-node-update-NOT-SUPPORTED.txt')));
    expect(e405?.kind).toBe('bad-response');
    expect(e405?.message).toMatch(/Requested REST method is not defined/);
    expect(fail({ kind: 'network', message: 'connection refused' })).toEqual({
      kind: 'unreachable',
      message: 'listing nodes at http://c:6820: connection refused',
    });
    expect(fail({ kind: 'timeout', message: 'no answer within 5 ms' })?.kind).toBe('unreachable');
    expect(fail(http(502, '<html>bad gateway</html>'))?.kind).toBe('unreachable');
    expect(fail(http(400, 'Unable to parse query.'))?.kind).toBe('bad-response');
  });

  it("maps onto site health and the contract's codes", () => {
    expect(toNodeOutcome({ kind: 'rejected', message: 'm' })).toEqual({ kind: 'bad-response', message: 'm' });
    expect(toNodeOutcome({ kind: 'auth', message: 'm' }).kind).toBe('auth');
    expect(toAppError({ kind: 'auth', message: 'm' }).code).toBe('UNAUTHORIZED');
    expect(toAppError({ kind: 'unreachable', message: 'm' }).code).toBe('UNAVAILABLE');
    expect(toAppError({ kind: 'invalid', message: 'm' }).code).toBe('INVALID_REQUEST');
  });
});
