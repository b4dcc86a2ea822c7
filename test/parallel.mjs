// Runs npm scripts side by side (`node test/parallel.mjs test:e2e test:soak`), their output
// prefixed, and fails if any of them fails. `npm test` uses it to run the 5-minute soak while the
// e2e suite runs, so the soak does not add its five minutes to the suite.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const runs = names.map(
  (name) =>
    new Promise((resolve) => {
      const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      for (const stream of [child.stdout, child.stderr]) {
        let buf = '';
        stream.on('data', (chunk) => {
          buf += chunk.toString();
          const lines = buf.split('\n');
          buf = lines.pop();
          for (const l of lines)
            (stream === child.stdout ? process.stdout : process.stderr).write(`[${name}] ${l}\n`);
        });
      }
      child.on('exit', (code, signal) => resolve({ name, ok: code === 0, code: code ?? signal }));
    }),
);
const results = await Promise.all(runs);
for (const r of results) if (!r.ok) console.error(`${r.name} failed (${r.code})`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
