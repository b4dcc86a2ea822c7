import type { CallResponse } from '../../../../shared/contract';
import type { ResidencyQuery } from '../../../../shared/residency';
import { queryKey } from './historyForm';
import { csvHeaderValue } from './residencyFormat';

/** A report the core made (and recorded in the audit log), with what the printed view needs from its CSV. */
export interface ReportDoc extends CallResponse<'residency.report'> {
  /** queryKey of the question it answers: a report for the same question is reused, not made again. */
  key: string;
  /** The policy SHA-256 the core wrote into the CSV (null when the CSV says there was no policy file). */
  policySha256: string | null;
  /** The CSV's own "generated" instant, epoch ms (null if unreadable). */
  generatedAt: number | null;
}

export function reportDoc(query: ResidencyQuery, r: CallResponse<'residency.report'>): ReportDoc {
  const sha = csvHeaderValue(r.content, 'policy_sha256');
  const generated = csvHeaderValue(r.content, 'generated');
  const t = generated === null ? Number.NaN : Date.parse(generated);
  return {
    ...r,
    key: queryKey(query),
    policySha256: sha !== null && /^[0-9a-f]{64}$/.test(sha) ? sha : null,
    generatedAt: Number.isFinite(t) ? t : null,
  };
}
