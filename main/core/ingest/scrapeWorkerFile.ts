import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The scrape worker's file beside the entry that starts the core: the built `scrapeWorker.js`
 * (out/main), else the TypeScript source when running from a checkout with tsx. In a packaged app
 * the file is unpacked from the asar archive (electron-builder.yml asarUnpack): worker threads load
 * their script from the real file system.
 */
export function scrapeWorkerFile(entryDir: string): string {
  const js = join(entryDir, 'scrapeWorker.js').replace(/app\.asar([/\\])/, 'app.asar.unpacked$1');
  return existsSync(js) ? js : join(entryDir, 'scrapeWorker.ts');
}
