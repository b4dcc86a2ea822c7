import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseSitesFile, type SiteConfig } from './sitesFile';

export const SITES_FILE = 'sites.json';

/** `--config DIR`, else $XDG_CONFIG_HOME/fleet-console, else ~/.config/fleet-console. */
export function resolveConfigDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'fleet-console');
}

export type LoadedSites =
  { kind: 'demo' } | { kind: 'configured'; sites: SiteConfig[] } | { kind: 'invalid'; message: string };

/** No sites file means the demo fleet; a broken one is an error, never a silent fall-back to the demo. */
export async function loadSites(configDir: string): Promise<LoadedSites> {
  const file = join(configDir, SITES_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'demo' };
    return { kind: 'invalid', message: `cannot read ${file}: ${(e as Error).message}` };
  }
  const parsed = parseSitesFile(text, file);
  if (!parsed.ok) {
    const bak = existsSync(`${file}.bak`) ? ` (the previous good copy is ${file}.bak)` : '';
    return { kind: 'invalid', message: `${parsed.message}${bak}` };
  }
  return { kind: 'configured', sites: parsed.value.sites };
}
