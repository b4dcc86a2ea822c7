import { z } from 'zod';
import { NodeQuerySchema, type NodeQuery } from '../../../../shared/nodes';

/**
 * Named node-table queries, kept in this browser's localStorage (per user and machine, like a
 * bookmark). What is read back is validated: a hand-edited or older entry is dropped, never thrown.
 */

export const SAVED_FILTERS_KEY = 'fleet-console.node-filters.v1';
export const MAX_SAVED_FILTERS = 50;
export const MAX_FILTER_NAME = 60;

export interface SavedFilter {
  name: string;
  query: NodeQuery;
}

const EntrySchema = z.object({
  name: z.string().trim().min(1).max(MAX_FILTER_NAME),
  query: NodeQuerySchema,
});

/** Stored text → the valid entries, first of each name, at most MAX_SAVED_FILTERS; junk → []. */
export function parseSavedFilters(text: string | null): SavedFilter[] {
  if (text === null || text === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: SavedFilter[] = [];
  const names = new Set<string>();
  for (const item of raw) {
    const r = EntrySchema.safeParse(item);
    if (!r.success || names.has(r.data.name)) continue;
    names.add(r.data.name);
    out.push({ name: r.data.name, query: r.data.query });
    if (out.length === MAX_SAVED_FILTERS) break;
  }
  return out;
}

export const serializeSavedFilters = (filters: readonly SavedFilter[]): string => JSON.stringify(filters);

/** Why a name cannot be saved as typed, or null. */
export function filterNameProblem(name: string): string | null {
  const n = name.trim();
  if (n === '') return 'Name the filter first.';
  if (n.length > MAX_FILTER_NAME) return `Keep the name to ${MAX_FILTER_NAME} characters.`;
  return null;
}

/** Save under a name: an existing one of that name is replaced in place, a new one goes first. */
export function upsertFilter(filters: readonly SavedFilter[], name: string, query: NodeQuery): SavedFilter[] {
  const n = name.trim();
  const entry = { name: n, query };
  const i = filters.findIndex((f) => f.name === n);
  if (i >= 0) return filters.map((f, j) => (j === i ? entry : f));
  return [entry, ...filters].slice(0, MAX_SAVED_FILTERS);
}

export const removeFilter = (filters: readonly SavedFilter[], name: string): SavedFilter[] =>
  filters.filter((f) => f.name !== name);

/** localStorage may be missing or refuse (private mode, quota): reading gives [], writing reports false. */
export function loadSavedFilters(
  storage: Pick<Storage, 'getItem'> | undefined = safeStorage(),
): SavedFilter[] {
  try {
    return parseSavedFilters(storage?.getItem(SAVED_FILTERS_KEY) ?? null);
  } catch {
    return [];
  }
}

export function storeSavedFilters(
  filters: readonly SavedFilter[],
  storage: Pick<Storage, 'setItem'> | undefined = safeStorage(),
): boolean {
  try {
    if (!storage) return false;
    storage.setItem(SAVED_FILTERS_KEY, serializeSavedFilters(filters));
    return true;
  } catch {
    return false;
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
