const MAYBE_DOWN = /down|not_responding|\*/i;

/**
 * Whether the scheduler says a node is down or not responding, from the state as text.
 * Slurm spells it several ways: the base state ("DOWN", "down"), flags joined with "+"
 * ("IDLE+NOT_RESPONDING", "DOWN+DRAIN") and sinfo's suffixes, where "*" means not responding
 * ("down*", "idle*", "drained*"). Matching is by whole word, not substring: "POWERED_DOWN" and
 * "POWER_DOWN" are power saving, not a failure, and "idle~" (powered off) is not down either.
 * Null in, null out: no scheduler is no evidence either way.
 */
export function isSchedulerDown(state: string | null): boolean | null {
  if (state === null) return null;
  // Most nodes are healthy: one regex test, no strings, before splitting into words.
  if (!MAYBE_DOWN.test(state)) return false;
  const words = state.toUpperCase().split(/[+,|\s]+/);
  for (const w of words) {
    if (w.endsWith('*')) return true;
    // sinfo's other suffixes (~ # % ! $ @ ^ -) describe power and reservation, not health.
    const bare = w.replace(/[~#%!$@^*-]+$/, '');
    if (bare === 'DOWN' || bare === 'NOT_RESPONDING') return true;
  }
  return false;
}
