import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts `npm run serve`'s built entry on a free port with an empty config directory (= the demo
 * fleet), reads the one URL line it prints, and hands it to the specs. A missing Chromium or build
 * is a failure with the fix in the message, never a skip.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium))
    throw new Error(
      `Chromium not found at ${chromium}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
  if (!existsSync('out/main/serve.js') || !existsSync('out/renderer/index.html'))
    throw new Error('The console is not built: run "npm run build" first (npm test does).');
  const configDir = mkdtempSync(join(tmpdir(), 'fc-e2e-config-'));
  const child = spawn(
    process.execPath,
    ['out/main/serve.js', '--port', '0', '--config', configDir, '--interval-ms', '1000'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('npm run serve printed no URL within 20 s')), 20_000);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Fleet Console: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`npm run serve exited with ${code} before printing its URL`)),
    );
  });
  process.env.FC_URL = url;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
}
