/**
 * Slurm's generic-resource strings, as slurmrestd passes them through from slurmctld:
 *   node `gres`       gpu:h200:8   gpu:8   gpu:a100:4(S:0-1)   gpu:h100:4,gpu:a100:4   (null)
 *   node `gres_used`  gpu:h200:2(IDX:0-1)   gpu:h200:0(IDX:N/A)   gpu:(null):3(IDX:0,2-3)
 *   job `gres_detail` the same form as gres_used, one entry per allocated node
 *   job `tres_per_node` gres:gpu:h200:2   gres:gpu:4   (gres/gpu:4 from 23.02 on)
 * Pure and table-tested; a string we cannot read is an error value, never a guessed count.
 */
export interface GresEntry {
  /** gpu, shard, mps, nic… */
  name: string;
  /** h200, a100…; null when the resource is untyped. */
  type: string | null;
  count: number;
  /** The device indices in use (gres_used / gres_detail); null when not given or N/A. */
  indices: number[] | null;
}

export type GresParse = { ok: true; value: GresEntry[] } | { ok: false; message: string };

/** Slurm scales gres counts by powers of 1024 with these suffixes. */
const SUFFIX: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };
const COUNT = /^(\d+)([KMGT]?)$/;

/** Splits on commas that are not inside parentheses ("gpu:h200:3(IDX:0,2-3),nic:1"). */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** "0-1,4,6-7" → [0,1,4,6,7]; "N/A" → null. */
export function parseIndexList(s: string): number[] | null | undefined {
  if (s === 'N/A' || s === '') return null;
  const out: number[] = [];
  for (const part of s.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    // Past 15 digits a double no longer counts one by one (the loop below would never end).
    if (!m || m[1]!.length > 15 || (m[2]?.length ?? 0) > 15) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo || hi - lo > 4096) return undefined;
    for (let i = lo; i <= hi; i++) out.push(i);
  }
  return out;
}

function parseEntry(token: string): GresEntry | string {
  // "(null)" stands for an absent type ("gpu:(null):2(IDX:0-1)") or an absent gres altogether.
  const t = token.trim().replace(/\(null\)/g, '');
  const m = /^([^()]*)(?:\(([^()]*)\))?$/.exec(t);
  if (!m) return `unbalanced parentheses in "${token}"`;
  const head = m[1]!;
  const detail = m[2];
  const parts = head.split(':');
  const name = parts[0]!;
  if (!/^[A-Za-z][\w.-]*$/.test(name)) return `"${token}" does not start with a resource name`;
  let type: string | null = null;
  let countText = '1';
  if (parts.length === 2) {
    if (COUNT.test(parts[1]!)) countText = parts[1]!;
    else type = parts[1]!;
  } else if (parts.length === 3) {
    type = parts[1]!;
    countText = parts[2]!;
  } else if (parts.length > 3) return `too many ":" in "${token}"`;
  const c = COUNT.exec(countText);
  if (!c) return `"${countText}" in "${token}" is not a count`;
  let indices: number[] | null = null;
  if (detail !== undefined) {
    const idx = /^IDX:(.*)$/.exec(detail);
    if (idx) {
      const list = parseIndexList(idx[1]!);
      if (list === undefined) return `bad device index list "${idx[1]}" in "${token}"`;
      indices = list;
    } else if (!/^S:[\d,-]+$/.test(detail)) return `unknown "(${detail})" in "${token}"`;
  }
  const count = Number(c[1]) * SUFFIX[c[2]!]!;
  if (!Number.isSafeInteger(count)) return `"${countText}" in "${token}" is too large to be a count`;
  return { name, type: type || null, count, indices };
}

export function parseGres(s: string | null | undefined): GresParse {
  if (s === null || s === undefined) return { ok: true, value: [] };
  const trimmed = s.trim();
  if (trimmed === '' || trimmed === '(null)' || trimmed === 'N/A') return { ok: true, value: [] };
  const value: GresEntry[] = [];
  for (const token of splitTopLevel(trimmed)) {
    if (token.trim() === '' || token.trim() === '(null)') continue;
    const e = parseEntry(token);
    if (typeof e === 'string') return { ok: false, message: e };
    value.push(e);
  }
  return { ok: true, value };
}

/** A job's TRES request ("gres:gpu:h200:2", "gres/gpu:4", "cpu=2,gres/gpu=4") read as gres entries. */
export function parseTresGres(s: string | null | undefined): GresParse {
  if (!s) return { ok: true, value: [] };
  const value: GresEntry[] = [];
  for (const token of splitTopLevel(s)) {
    const m = /^gres[:/](.+)$/.exec(token.trim());
    if (!m) continue; // cpu=2, mem=…: not a generic resource
    const e = parseEntry(m[1]!.replace('=', ':'));
    if (typeof e === 'string') return { ok: false, message: e };
    value.push(e);
  }
  return { ok: true, value };
}

export function gpuEntries(entries: readonly GresEntry[]): GresEntry[] {
  return entries.filter((e) => e.name === 'gpu');
}

export function sumGpus(entries: readonly GresEntry[]): number {
  return gpuEntries(entries).reduce((n, e) => n + e.count, 0);
}

/** The distinct GPU types named, in first-seen order. */
export function gpuTypesOf(entries: readonly GresEntry[]): string[] {
  return [...new Set(gpuEntries(entries).flatMap((e) => (e.type ? [e.type] : [])))];
}
