import type { AuditEntry, AuditVerdict } from '../../../../shared/audit';
import { formatCount, NO_DATA } from '../../lib/format';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An entry's ISO time as local wall-clock "2025-03-01 14:05:09"; an unparseable value is shown as is. */
export function formatAuditTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t);
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ` +
    `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`
  );
}

/** The first `n` hex digits of a hash and an ellipsis; null → "—". */
export function shortHash(hash: string | null | undefined, n = 12): string {
  if (!hash) return NO_DATA;
  return hash.length <= n ? hash : `${hash.slice(0, n)}…`;
}

/** "1 entry", "1,204 entries". */
export const countOf = (n: number, one: string, many: string): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export interface VerdictSummary {
  ok: boolean;
  text: string;
}

/**
 * The verdict of `audit.verify` as one sentence: "Intact: 1,204 entries in 2 files, last hash 3fa9c1d2e4b5…"
 * or "Broken at audit-000001.jsonl:17 (entry 17): entry 17 was altered: …".
 */
export function verdictSummary(v: AuditVerdict): VerdictSummary {
  if (v.ok) {
    const last = v.lastHash ? `, last hash ${shortHash(v.lastHash)}` : '';
    return {
      ok: true,
      text: `Intact: ${countOf(v.entries, 'entry', 'entries')} in ${countOf(v.files, 'file', 'files')}${last}`,
    };
  }
  const where = v.where ?? 'an unknown place';
  const seq = v.brokenAtSeq === null ? '' : ` (entry ${v.brokenAtSeq})`;
  const reason = v.reason ?? 'no reason given';
  return { ok: false, text: `Broken at ${where}${seq}: ${reason}` };
}

/** Params as indented JSON for the detail view; an empty object reads "{}". */
export function formatParams(params: AuditEntry['params']): string {
  const text = JSON.stringify(params, null, 2);
  return text === undefined ? '{}' : text;
}

/** Words for the outcome badge (the enum values themselves: short, and what the filter offers). */
export const OUTCOME_WORDS: Record<AuditEntry['outcome'], string> = {
  ok: 'ok',
  denied: 'denied',
  failed: 'failed',
};
