/**
 * Broadcast targets: which nodes a run goes to, at most MAX_TARGETS (the contract's cap). Pure and
 * table-tested; the selection keeps the order nodes were added in, which is the order results show.
 */

export interface Target {
  siteId: string;
  hostname: string;
}

/** The contract's limit for one broadcast.start. */
export const MAX_TARGETS = 500;

/** Site ids cannot hold "/", so this is unique. */
export const targetKey = (t: Target): string => `${t.siteId}/${t.hostname}`;

export interface AddResult {
  selected: Target[];
  /** How many were asked for but left out because the cap was reached. */
  skipped: number;
}

/** Adds targets not selected yet, in order, until the cap; says how many did not fit. */
export function addTargets(
  selected: readonly Target[],
  add: readonly Target[],
  cap = MAX_TARGETS,
): AddResult {
  const have = new Set(selected.map(targetKey));
  const next = [...selected];
  let skipped = 0;
  for (const t of add) {
    const k = targetKey(t);
    if (have.has(k)) continue;
    if (next.length >= cap) {
      skipped++;
      continue;
    }
    have.add(k);
    next.push({ siteId: t.siteId, hostname: t.hostname });
  }
  return { selected: next, skipped };
}

export function removeTargets(selected: readonly Target[], remove: readonly Target[]): Target[] {
  const drop = new Set(remove.map(targetKey));
  return selected.filter((t) => !drop.has(targetKey(t)));
}

/** Every node of a site, as targets. */
export const siteTargets = (siteId: string, hostnames: readonly string[]): Target[] =>
  hostnames.map((hostname) => ({ siteId, hostname }));

/** How much of a site is selected: drives its "select all" checkbox (checked, mixed, empty). */
export function siteSelection(selected: readonly Target[], siteId: string, hostnames: readonly string[]) {
  const keys = new Set(selected.filter((t) => t.siteId === siteId).map((t) => t.hostname));
  const n = hostnames.filter((h) => keys.has(h)).length;
  return n === 0 ? 'none' : n === hostnames.length ? 'all' : 'some';
}

/** Selected nodes per site, in the order sites were first added: "Frankfurt 1: 12". */
export function countBySite(selected: readonly Target[]): { siteId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of selected) counts.set(t.siteId, (counts.get(t.siteId) ?? 0) + 1);
  return [...counts].map(([siteId, count]) => ({ siteId, count }));
}

/** "1 node", "12 nodes". */
export const nodesText = (n: number): string => `${n} ${n === 1 ? 'node' : 'nodes'}`;

/** The run button says exactly how many nodes it touches. */
export const runLabel = (n: number): string => `Run on ${nodesText(n)}`;
