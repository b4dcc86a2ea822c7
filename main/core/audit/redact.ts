/** Parameter names whose values never reach the log (the log says that a secret changed, never what to). */
const SECRET_KEY = /pass(word|phrase)?|secret|token|private.?key|credential|api.?key|authorization/i;

export const REDACTED = '[redacted]';

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) ? REDACTED : redactSecrets(v, depth + 1);
  return out;
}
