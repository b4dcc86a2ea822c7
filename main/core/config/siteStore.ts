import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteProfile } from '../../../shared/siteProfile';
import { writeFileAtomic } from './atomicFile';
import { SITES_FILE } from './loadSites';

/**
 * Persists site profiles as `sites.json`: written to a temp file, flushed, then renamed over the
 * old one, whose last good copy is kept as `sites.json.bak`. A crash mid-write leaves either the old
 * file or the new one — never half of one. Saves are serialised.
 */
export class SiteStore {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  get path(): string {
    return join(this.dir, SITES_FILE);
  }

  save(sites: readonly SiteProfile[]): Promise<void> {
    const run = this.chain.then(async () => {
      await copyFile(this.path, `${this.path}.bak`).catch(() => undefined);
      await writeFileAtomic(this.path, JSON.stringify({ sites }, null, 2) + '\n');
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}
