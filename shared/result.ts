/**
 * Errors cross every boundary as values, never as thrown objects (DESIGN.md, "One contract").
 * The set of codes is closed so the UI can decide what to show for each without parsing messages.
 */
export const ERROR_CODES = [
  'INVALID_REQUEST', // the payload did not match the contract's schema
  'UNKNOWN_CALL', // no contract entry of that name
  'NOT_FOUND', // the thing named (site, node) does not exist
  'UNAUTHORIZED', // missing or wrong credentials at a transport
  'FORBIDDEN', // the session's role may not do this
  'UNAVAILABLE', // a site or service could not be reached
  'TIMEOUT', // a call took longer than its budget
  'BAD_RESPONSE', // a site answered with something we could not parse
  'CONFIG_INVALID', // a config file failed validation
  'INTERNAL', // a bug: a handler threw; the message says where to look
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** A sentence a person can act on: what failed, where, and what to do about it. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
