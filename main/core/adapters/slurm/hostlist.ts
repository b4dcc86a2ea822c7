/**
 * Slurm hostlist expressions ("gpu[3-4]", "gpu[01-03,7],login1", "r[1-2]n[1-2]") expanded to names,
 * as a job's `nodes` field carries them. Zero padding follows the range's written width, as
 * Slurm's hostlist.c does. Capped, so a hostile or broken answer cannot make us allocate millions.
 */
export type HostlistParse = { ok: true; value: string[] } | { ok: false; message: string };

export const MAX_HOSTS = 100_000;

function splitTopLevel(s: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']') depth--;
    else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
    if (depth < 0 || depth > 1) return null;
  }
  if (depth !== 0) return null;
  out.push(s.slice(start));
  return out;
}

function expandRange(body: string): string[] | string {
  const out: string[] = [];
  for (const part of body.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return `"[${body}]" is not a list of numbers and ranges`;
    // Past 15 digits a double no longer counts one by one (the loop below would never end).
    if (m[1]!.length > 15 || (m[2]?.length ?? 0) > 15)
      return `range ${part}: a number has more than 15 digits`;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return `range ${part} runs backwards`;
    if (hi - lo + 1 > MAX_HOSTS) return `range ${part} is larger than ${MAX_HOSTS} hosts`;
    const width = m[1]!.length;
    for (let i = lo; i <= hi; i++) out.push(String(i).padStart(width, '0'));
  }
  return out;
}

/** One expression ("r[1-2]n[01-04]-ib"), bracket group by bracket group: a loop, so thousands of groups cannot overflow the stack. */
function expandOne(expr: string): string[] | string {
  let hosts = [''];
  let rest = expr;
  for (;;) {
    const open = rest.indexOf('[');
    if (open < 0) return hosts.map((h) => `${h}${rest}`);
    const close = rest.indexOf(']', open);
    if (close < 0) return `unclosed "[" in "${expr}"`;
    const nums = expandRange(rest.slice(open + 1, close));
    if (typeof nums === 'string') return nums;
    if (nums.length * hosts.length > MAX_HOSTS) return `"${expr}" names more than ${MAX_HOSTS} hosts`;
    const prefix = rest.slice(0, open);
    hosts = hosts.flatMap((h) => nums.map((n) => `${h}${prefix}${n}`));
    rest = rest.slice(close + 1);
  }
}

export function expandHostlist(s: string | null | undefined): HostlistParse {
  const t = (s ?? '').trim();
  if (t === '' || t === '(null)' || t === 'None assigned') return { ok: true, value: [] };
  const parts = splitTopLevel(t);
  if (!parts) return { ok: false, message: `unbalanced brackets in hostlist "${t}"` };
  const value: string[] = [];
  for (const p of parts) {
    if (p === '') continue;
    const hosts = expandOne(p);
    if (typeof hosts === 'string') return { ok: false, message: hosts };
    value.push(...hosts);
    if (value.length > MAX_HOSTS)
      return { ok: false, message: `hostlist names more than ${MAX_HOSTS} hosts` };
  }
  return { ok: true, value };
}
