import vm from 'node:vm';
import type { Parameters } from 'fast-check';

/**
 * How hard the property-based ("fuzz") tests push, in one place: 2,000 cases per property by
 * default (what CI runs), FUZZ_RUNS=N for a longer run (`npm run fuzz` runs 50,000).
 */
export function fuzzRuns(): number {
  return Number(process.env.FUZZ_RUNS) || 2000;
}

/**
 * Longest one case may take before it counts as a hang (ms); FUZZ_CASE_MS overrides. Generous: a
 * busy CI machine must not fail a slow-but-linear parse of 100 KB (the YAML library needs ~1 s).
 */
export function caseDeadlineMs(): number {
  return Number(process.env.FUZZ_CASE_MS) || 3000;
}

/**
 * The time one property may take in all: 30 s at the default 2,000 runs, growing with FUZZ_RUNS.
 * Pass it as the test's timeout; fuzzParams() stops fast-check a little before it.
 */
export function fuzzTimeoutMs(): number {
  return Math.max(30_000, fuzzRuns() * 15);
}

/** fast-check parameters for one property: the run count and an overall time limit that fails. */
export function fuzzParams<T>(extra: Parameters<T> = {}): Parameters<T> {
  return {
    numRuns: fuzzRuns(),
    interruptAfterTimeLimit: fuzzTimeoutMs() - 5_000,
    markInterruptAsFailure: true,
    ...extra,
  };
}

const guardContext = vm.createContext({ run: null as null | (() => unknown) });
const guardScript = new vm.Script('run()');

/**
 * The hang guard: runs `fn` synchronously, but a case that runs longer than the deadline (an endless
 * loop, a runaway allocation) is cut off by V8's watchdog and throws instead of blocking the worker
 * for ever, so fast-check reports (and shrinks) it like any failure. About 50 µs a call.
 */
export function withinDeadline<T>(fn: () => T, ms = caseDeadlineMs()): T {
  guardContext.run = fn;
  try {
    return guardScript.runInContext(guardContext, { timeout: ms }) as T;
  } finally {
    guardContext.run = null;
  }
}
