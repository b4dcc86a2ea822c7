import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm run serve`'s built entry on a free port, as a newcomer runs it; resolves with the URL it prints. */
export async function startServe(
  opts: { configDir?: string; intervalMs?: number; args?: string[] } = {},
): Promise<{ url: string; configDir: string; stop: () => Promise<void> }> {
  const configDir = opts.configDir ?? mkdtempSync(join(tmpdir(), 'fc-e2e-config-'));
  const child = spawn(
    process.execPath,
    [
      'out/main/serve.js',
      '--port',
      '0',
      '--config',
      configDir,
      '--interval-ms',
      String(opts.intervalMs ?? 1000),
      ...(opts.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
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
  return {
    url,
    configDir,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
