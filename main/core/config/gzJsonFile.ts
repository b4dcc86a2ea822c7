import { readFile, rename } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { writeFileAtomic } from './atomicFile';

const gz = promisify(gzip);
const gunz = promisify(gunzip);

/** Writes a value as gzip'd JSON, atomically (a crash leaves the old file or the new, never half). */
export async function saveGzJson(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, await gz(JSON.stringify(value)));
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
