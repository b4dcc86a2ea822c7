/**
 * One HTTP GET with a deadline and a size cap, returning what happened as a value.
 * Every request to a site goes through here, so no site can hang the console or fill its memory.
 */
export type FetchOutcome =
  | { kind: 'ok'; status: number; text: string }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'too-large'; message: string };

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

function networkReason(e: unknown): string {
  const err = e as { cause?: { code?: string; message?: string }; message?: string };
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name does not resolve';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection closed by the site';
  if (code) return `${code} (${err.cause?.message ?? 'network error'})`;
  return err.cause?.message ?? err.message ?? 'network error';
}

export async function fetchText(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  try {
    const res = await fetch(url, { signal, headers: opts.headers, redirect: 'error' });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'http', status: res.status, message: `HTTP ${res.status} ${res.statusText}`.trim() };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return {
        kind: 'too-large',
        message: `answer of ${declared} bytes exceeds the ${opts.maxBytes}-byte limit`,
      };
    }
    const reader = res.body?.getReader();
    if (!reader) return { kind: 'ok', status: res.status, text: '' };
    const decoder = new TextDecoder();
    let text = '';
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > opts.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large', message: `answer exceeds the ${opts.maxBytes}-byte limit` };
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
    return { kind: 'ok', status: res.status, text };
  } catch (e) {
    if (signal.aborted) return { kind: 'timeout', message: `no answer within ${opts.timeoutMs} ms` };
    return { kind: 'network', message: networkReason(e) };
  }
}
