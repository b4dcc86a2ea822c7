import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';

const gunz = promisify(gunzip);

/**
 * Writes gzip'd JSON given as text pieces that together form one document, atomically (temp file,
 * flushed, renamed: a crash leaves the old file or the new, never half), giving the
 * event loop back whenever a slice of pieces has taken `sliceMs`. For documents too big to stringify
 * in one go without stalling everything else (the energy ledger of a 160,000-GPU fleet took 0.5–1 s).
 * Each piece is produced only when it is written, so it reflects the state at that moment.
 */
export async function saveGzJsonPieces(path: string, pieces: Iterable<string>, sliceMs = 8): Promise<void> {
  const tmp = `${path}.tmp`;
  const file = createWriteStream(tmp, { mode: 0o600, flush: true });
  const gz = createGzip();
  gz.pipe(file);
  const failed = Promise.race([once(gz, 'error'), once(file, 'error')]).then(([e]) => {
    throw e as Error;
  });
  failed.catch(() => undefined);
  try {
    let sliceStart = performance.now();
    for (const piece of pieces) {
      if (!gz.write(piece)) await Promise.race([once(gz, 'drain'), failed]);
      if (performance.now() - sliceStart > sliceMs) {
        await Promise.race([nextTurn(), failed]);
        sliceStart = performance.now();
      }
    }
    gz.end();
    await Promise.race([once(file, 'close'), failed]);
  } catch (e) {
    gz.destroy();
    // The file may not even be open yet: wait until it is closed, then nothing half-written stays.
    if (!file.closed) await once(file.destroy(), 'close').catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await rename(tmp, path);
}

export type GzJsonLoad =
  | { kind: 'none' }
  | { kind: 'loaded'; value: unknown }
  | { kind: 'corrupt'; message: string; movedTo: string };

/**
 * Reads gzip'd JSON. Missing = first start. Unreadable = moved aside (never overwritten: it may be
 * worth a look), so the caller starts afresh without losing the evidence.
 */
export async function loadGzJson(path: string): Promise<GzJsonLoad> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch {
    return { kind: 'none' };
  }
  try {
    return { kind: 'loaded', value: JSON.parse((await gunz(raw)).toString('utf8')) as unknown };
  } catch (e) {
    return moveAside(path, `not gzip'd JSON (${(e as Error).message})`);
  }
}

export async function moveAside(path: string, why: string): Promise<GzJsonLoad & { kind: 'corrupt' }> {
  const movedTo = `${path}.corrupt-${Date.now()}`;
  await rename(path, movedTo).catch(() => undefined);
  return { kind: 'corrupt', message: `${path}: ${why}`, movedTo };
}
