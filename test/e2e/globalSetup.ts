import { existsSync } from 'node:fs';
import { startServe } from './serveProcess';

/**
 * Starts `npm run serve`'s built entry on a free port with an empty config directory (= the demo
 * fleet) and hands its URL to the specs. A missing Chromium or build is a failure with the fix in
 * the message, never a skip.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium))
    throw new Error(
      `Chromium not found at ${chromium}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
  if (!existsSync('out/main/serve.js') || !existsSync('out/renderer/index.html'))
    throw new Error('The console is not built: run "npm run build" first (npm test does).');
  const serve = await startServe();
  process.env.FC_URL = serve.url;
  return serve.stop;
}
