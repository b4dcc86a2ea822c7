import { AuditEntrySchema, GENESIS_HASH, type AuditVerdict } from '../../../shared/audit';
import { entryHash } from './entryHash';

export interface ChainFile {
  name: string;
  text: string;
}

/** The last acknowledged entry, kept beside the log so that cutting entries off the end shows. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Verifies a hash-chained audit log (pure; files in order). Reports the first entry that breaks the
 * chain and why: altered content (hash mismatch), a deleted, inserted or swapped line (prev or seq
 * mismatch), a partly written last line, or entries cut off the end (the chain ends before the head).
 */
export function verifyChain(
  files: readonly ChainFile[],
  head: ChainHead | null,
  start: { prev: string; seq: number } = { prev: GENESIS_HASH, seq: 1 },
): AuditVerdict {
  let prev = start.prev;
  let expectSeq = start.seq;
  let entries = 0;
  const broken = (seq: number | null, where: string, reason: string): AuditVerdict => ({
    ok: false,
    entries,
    files: files.length,
    brokenAtSeq: seq,
    where,
    reason,
    lastHash: entries ? prev : null,
  });
  for (const file of files) {
    const lines = file.text.split('\n');
    const complete = file.text.length === 0 || file.text.endsWith('\n');
    if (complete) lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const where = `${file.name}:${i + 1}`;
      const line = lines[i]!;
      if (!complete && i === lines.length - 1)
        return broken(expectSeq, where, 'the log ends in a partly written entry: it was cut short mid-line');
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        return broken(expectSeq, where, `line ${i + 1} is not valid JSON: the entry was altered or damaged`);
      }
      const parsed = AuditEntrySchema.safeParse(raw);
      if (!parsed.success)
        return broken(expectSeq, where, `line ${i + 1} is not a well-formed audit entry: it was altered`);
      const e = parsed.data;
      if (entryHash(e) !== e.hash)
        return broken(e.seq, where, `entry ${e.seq} was altered: its content no longer matches its hash`);
      if (e.seq !== expectSeq)
        return broken(
          e.seq,
          where,
          e.seq > expectSeq
            ? `entries ${expectSeq}–${e.seq - 1} are missing before entry ${e.seq}: lines were deleted`
            : `entry ${e.seq} appears where entry ${expectSeq} should: lines were reordered or duplicated`,
        );
      if (e.prev !== prev)
        return broken(
          e.seq,
          where,
          `entry ${e.seq} does not follow the entry before it: the chain was broken here`,
        );
      prev = e.hash;
      expectSeq++;
      entries++;
    }
  }
  if (head && (head.seq !== expectSeq - 1 || head.hash !== prev)) {
    if (head.seq > expectSeq - 1)
      return broken(
        expectSeq,
        'end of log',
        `the log ends at entry ${expectSeq - 1} but ${head.seq} were acknowledged: entries were removed from the end`,
      );
    return broken(null, 'head', `the log's head record (entry ${head.seq}) does not match its last entry`);
  }
  return {
    ok: true,
    entries,
    files: files.length,
    brokenAtSeq: null,
    where: null,
    reason: null,
    lastHash: entries ? prev : null,
  };
}
