import type { PaletteAction } from './paletteAction';

/** Options listed at most: the palette is a short list to pick from, not a browser. */
export const MAX_OPTIONS = 40;
/** Nodes asked from the core per query. */
export const MAX_NODE_MATCHES = 10;

const wordsOf = (q: string): string[] => q.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Rank for one action, lower is better, or null when some typed word is missing: every word must be a
 * substring of the label or a keyword ("fuzzy-ish"). The label starting with the query beats every
 * word starting a word of the label, which beats every word found in the label, which beats keywords.
 */
export function matchRank(action: Pick<PaletteAction, 'label' | 'keywords'>, query: string): number | null {
  const words = wordsOf(query);
  if (words.length === 0) return 0;
  const label = action.label.toLowerCase();
  const hay = `${label} ${action.keywords.join(' ').toLowerCase()}`;
  if (!words.every((w) => hay.includes(w))) return null;
  if (label.startsWith(words.join(' '))) return 0;
  const labelWords = wordsOf(label);
  if (words.every((w) => labelWords.some((lw) => lw.startsWith(w)))) return 1;
  if (words.every((w) => label.includes(w))) return 2;
  return 3;
}

/** The actions matching the query, best first; ties keep the registry's order. Enabled before disabled. */
export function rankActions<A extends Pick<PaletteAction, 'label' | 'keywords'>>(
  actions: readonly A[],
  query: string,
  isEnabled: (a: A) => boolean = () => true,
  limit = MAX_OPTIONS,
): A[] {
  const scored: { a: A; rank: number; i: number }[] = [];
  actions.forEach((a, i) => {
    const r = matchRank(a, query);
    if (r !== null) scored.push({ a, rank: r + (isEnabled(a) ? 0 : 10), i });
  });
  scored.sort((x, y) => x.rank - y.rank || x.i - y.i);
  return scored.slice(0, limit).map((s) => s.a);
}

/** Words that name a command, not a node: left out of the text sent to `nodes.list`. */
const COMMAND_WORDS = new Set([
  'go',
  'to',
  'node',
  'nodes',
  'open',
  'shell',
  'on',
  'ssh',
  'drain',
  'terminal',
  'host',
]);

/**
 * The text to find nodes by: the longest typed word that is not a command word ("shell gpu-a-0" →
 * "gpu-a-0"), or null when nothing is left worth a query (under 2 characters).
 */
export function nodeSearchText(query: string): string | null {
  const rest = wordsOf(query).filter((w) => !COMMAND_WORDS.has(w));
  const best = rest.reduce<string>((b, w) => (w.length > b.length ? w : b), '');
  return best.length >= 2 ? best : null;
}

/** Move the active option by `delta`, wrapping at both ends; -1 when there are none. */
export function moveActive(active: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (active < 0) return delta > 0 ? 0 : count - 1;
  return (((active + delta) % count) + count) % count;
}
