import type { AppError } from '../../../../shared/result';
import type { HttpOutcome } from '../../sites/httpGet';
import type { NodeOutcome } from '../../sites/siteStatus';
import { outcomeOf } from '../../sites/telemetrySource';
import { SlurmEnvelopeSchema, type SlurmErrorEntry } from './slurmSchemas';

/**
 * Failures of a Slurm call, as values:
 * - auth: credentials refused (a bad, expired or missing token);
 * - unreachable: slurmrestd, slurmctld or the scontrol binary could not be reached in time;
 * - bad-response: an answer we cannot read;
 * - rejected: Slurm understood and said no (unknown job or node, a state it will not enter…);
 * - invalid: we refused to send it (an empty drain reason, a script without "#!").
 */
export type SlurmErrorKind = 'auth' | 'unreachable' | 'bad-response' | 'rejected' | 'invalid';

export interface SlurmError {
  kind: SlurmErrorKind;
  message: string;
  /** Slurm's own error number, when it gave one (2017 = invalid job id…). */
  slurmErrno?: number;
}

export type SlurmResult<T> = { ok: true; value: T } | { ok: false; error: SlurmError };

export const slurmOk = <T>(value: T): SlurmResult<T> => ({ ok: true, value });
export const slurmFail = <T = never>(
  kind: SlurmErrorKind,
  message: string,
  slurmErrno?: number,
): SlurmResult<T> => ({
  ok: false,
  error: slurmErrno === undefined ? { kind, message } : { kind, message, slurmErrno },
});

function errnoOf(e: SlurmErrorEntry): number | undefined {
  return e.error_number ?? e.errno ?? e.error_code ?? undefined;
}

/** "Invalid job id specified (Unable to find JobId=9; Slurm error 2017)" for each entry, joined. */
export function describeSlurmErrors(errors: readonly SlurmErrorEntry[]): string {
  return errors
    .map((e) => {
      const n = errnoOf(e);
      const extra = [e.description, n !== undefined ? `Slurm error ${n}` : null].filter(Boolean);
      return `${e.error ?? e.description ?? 'error'}${extra.length && e.error ? ` (${extra.join('; ')})` : ''}`;
    })
    .join('; ');
}

/**
 * Slurm 22.05's slurmrestd answers a rejected token with HTTP 500 and one "Unspecified error" of
 * number -1 (test/fixtures/slurm-22.05/v0.0.38-nodes-bad-token-response.json), not 401. It gives the
 * same answer when slurmctld behind it is down, so the message names both; auth is the likelier.
 */
export function isTokenRejection(status: number, errors: readonly SlurmErrorEntry[]): boolean {
  return (
    status >= 500 &&
    errors.length > 0 &&
    errors.every((e) => errnoOf(e) === -1 && (e.error ?? '') === 'Unspecified error')
  );
}

function readErrors(text: string): SlurmErrorEntry[] | null {
  try {
    const env = SlurmEnvelopeSchema.safeParse(JSON.parse(text));
    return env.success ? (env.data.errors ?? []) : null;
  } catch {
    return null;
  }
}

/**
 * The failure carried by one slurmrestd answer, or null when it succeeded. `what` names the call for
 * the message ("listing nodes at http://…"), `user` the Slurm user whose token was sent.
 */
export function slurmFailureOf(res: HttpOutcome, what: string, user: string): SlurmError | null {
  if (res.kind !== 'ok' && res.kind !== 'http') {
    const o = outcomeOf(res);
    const message = o.kind === 'ok' ? res.kind : o.message;
    return { kind: o.kind === 'ok' ? 'unreachable' : o.kind, message: `${what}: ${message}` };
  }
  const errors = readErrors(res.text);
  const status = res.status;
  if (res.kind === 'http') {
    if (status === 401 || status === 403 || /^Authentication failure/.test(res.text.trim()))
      return {
        kind: 'auth',
        message: `${what}: slurmrestd refused the credentials of "${user}" (HTTP ${status}): check the user name and token`,
      };
    if (errors && isTokenRejection(status, errors))
      return {
        kind: 'auth',
        message:
          `${what}: slurmrestd refused the token of "${user}" (HTTP ${status} "Unspecified error", Slurm 22.05's ` +
          `answer to a bad or expired token — or to a request while slurmctld is down): mint a new token ` +
          `(scontrol token username=${user}) and check that slurmctld is up`,
      };
    if (errors && errors.length > 0) {
      const n = errnoOf(errors[0]!);
      return {
        kind: status >= 500 && n === undefined ? 'unreachable' : 'rejected',
        message: `${what}: Slurm said ${describeSlurmErrors(errors)}`,
        ...(n !== undefined ? { slurmErrno: n } : {}),
      };
    }
    const body = res.text.trim().slice(0, 200);
    if (status === 404 || status === 405)
      return {
        kind: 'bad-response',
        message: `${what}: HTTP ${status}${body ? ` "${body}"` : ''} — is this slurmrestd with openapi/v0.0.38 loaded?`,
      };
    return {
      kind: status >= 500 ? 'unreachable' : 'bad-response',
      message: `${what}: ${res.message}${body ? ` "${body}"` : ''}`,
    };
  }
  // 2xx but Slurm still listed errors: it did not do what was asked.
  if (errors && errors.length > 0) {
    const n = errnoOf(errors[0]!);
    return {
      kind: 'rejected',
      message: `${what}: Slurm said ${describeSlurmErrors(errors)}`,
      ...(n !== undefined ? { slurmErrno: n } : {}),
    };
  }
  return null;
}

/** For site health: a refused action is still an answer, so it reads as a bad response, not an outage. */
export function toNodeOutcome(e: SlurmError): NodeOutcome {
  if (e.kind === 'auth' || e.kind === 'unreachable' || e.kind === 'bad-response')
    return { kind: e.kind, message: e.message };
  return { kind: 'bad-response', message: e.message };
}

/** For the contract: the closed set of codes the UI decides on. */
export function toAppError(e: SlurmError): AppError {
  const code = {
    auth: 'UNAUTHORIZED',
    unreachable: 'UNAVAILABLE',
    'bad-response': 'BAD_RESPONSE',
    rejected: 'INVALID_REQUEST',
    invalid: 'INVALID_REQUEST',
  } as const;
  // 2017 = ESLURM_INVALID_JOB_ID: the job is gone (finished and purged, or never was).
  if (e.slurmErrno === 2017) return { code: 'NOT_FOUND', message: e.message };
  return { code: code[e.kind], message: e.message };
}
