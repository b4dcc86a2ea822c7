/**
 * The writer the crash-writes test kills: appends audit entries and rewrites a config file as fast
 * as it can, printing each acknowledgement ("a <seq>", "c <n>") only once the write has resolved —
 * what the console tells a user is done.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditLog } from '../../main/core/audit/auditLog';
import { writeFileAtomic } from '../../main/core/config/atomicFile';

const dir = process.argv[2]!;
const actor = { osUser: 'crash', profile: 'default', session: 'child' };

async function main() {
  const audit = await AuditLog.open({ dir: join(dir, 'audit') }, actor);
  let stop = false;
  const appends = async () => {
    // Bursts: several appends in flight at once (group commit), as when a plan's steps land together.
    for (let i = 0; !stop; i++) {
      const burst = Array.from({ length: 1 + (i % 7) }, (_, k) =>
        audit
          .append({ actor, role: 'admin', action: 'crash.burst', params: { i, k }, outcome: 'ok' })
          .then((e) => process.stdout.write(`a ${e.seq}\n`)),
      );
      await Promise.all(burst);
    }
  };
  const configs = async () => {
    // Versions keep counting across runs: the file names the last one written.
    const last = await readFile(join(dir, 'config.json'), 'utf8').then(
      (t) => (JSON.parse(t) as { n: number }).n,
      () => 0,
    );
    for (let n = last + 1; !stop; n++) {
      await writeFileAtomic(
        join(dir, 'config.json'),
        JSON.stringify({ n, pad: 'x'.repeat(20_000 + (n % 13) * 1000) }),
      );
      process.stdout.write(`c ${n}\n`);
    }
  };
  process.on('SIGTERM', () => (stop = true));
  await Promise.all([appends(), configs()]);
}

void main();
