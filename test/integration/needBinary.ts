import { execFileSync } from 'node:child_process';

/**
 * Whether a system program the integration tests drive is installed. Locally a missing one skips
 * its tests with a printed reason; under CI=true it is a failure — nothing skips silently in CI.
 */
export function haveBinary(name: string, installHint: string): boolean {
  let found = true;
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  } catch {
    found = false;
  }
  if (!found) {
    const msg = `${name} is not installed (${installHint})`;
    if (process.env.CI === 'true') throw new Error(`CI: ${msg}; .ci/run should have installed it`);
    console.warn(`SKIPPING tests that need ${msg}`);
  }
  return found;
}

/** slurmd runs jobs as their users and munged/slurmrestd are dropped to their own: root is needed. */
export function runningAsRoot(what: string): boolean {
  if (process.getuid?.() === 0) return true;
  const msg = `${what} must run as root (slurmd, munged and slurmrestd are started for it)`;
  if (process.env.CI === 'true') throw new Error(`CI: ${msg}`);
  console.warn(`SKIPPING: ${msg}`);
  return false;
}
