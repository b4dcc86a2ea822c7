import { readFile, rename, writeFile } from 'node:fs/promises';

/**
 * Writes a file so that a crash leaves either the old content or the new, never half of either:
 * write a temp file, flush it to disk, rename it over the target. Mode 0600: these files hold
 * configuration and secrets of one user.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, text, { mode: 0o600, flush: true });
  await rename(tmp, path);
}

/** A JSON object of string values (a secrets file), or {} when missing or unreadable. */
export async function readStringRecord(path: string): Promise<Record<string, string>> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >;
  } catch {
    return {};
  }
}
