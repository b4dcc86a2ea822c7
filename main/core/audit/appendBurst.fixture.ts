// Appends as fast as it can and prints each acknowledged seq; the test kills it with SIGKILL.
import { AuditLog } from './auditLog';

const actor = { osUser: 'crash', profile: 'test', session: 'x' };

async function main() {
  const log = await AuditLog.open({ dir: process.argv[2]! }, actor);
  for (let i = 0; ; i++) {
    const batch = Array.from({ length: 8 }, (_, k) =>
      log.append({
        actor,
        role: 'operator',
        action: 'burst',
        target: `t${i}-${k}`,
        params: { i, k },
        outcome: 'ok',
      }),
    );
    for (const p of batch) process.stdout.write(`acked ${(await p).seq}\n`);
  }
}
void main();
