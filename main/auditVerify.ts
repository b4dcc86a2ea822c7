/**
 * `npm run audit:verify -- PATH`: checks an audit log's hash chain from the command line.
 * PATH is the log directory (every rotated file plus the head record) or one .jsonl file (a rotated
 * file or an unfiltered export; a file that starts mid-chain is checked from its first entry on).
 * Exit 0: intact; 1: broken (the first bad entry and why are printed); 2: could not read.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { verifyDir } from './core/audit/auditLog';
import { verifyChain } from './core/audit/verifyChain';

async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path) {
    console.error('Usage: npm run audit:verify -- <audit directory | file.jsonl>');
    return 2;
  }
  let verdict;
  let note = '';
  try {
    if ((await stat(path)).isDirectory()) verdict = await verifyDir(path);
    else {
      const text = await readFile(path, 'utf8');
      let start;
      try {
        const first = JSON.parse(text.slice(0, text.indexOf('\n'))) as { seq: number; prev: string };
        if (first.seq > 1) {
          start = { seq: first.seq, prev: first.prev };
          note = ` (from entry ${first.seq}; earlier entries are in earlier files)`;
        }
      } catch {
        // verifyChain reports the unreadable first line itself
      }
      verdict = verifyChain([{ name: basename(path), text }], null, start);
    }
  } catch (e) {
    console.error(`cannot read ${path}: ${(e as Error).message}`);
    return 2;
  }
  if (verdict.ok) {
    console.log(
      `OK: ${verdict.entries} entries in ${verdict.files} file(s) verify${note}; last hash ${verdict.lastHash ?? '—'}`,
    );
    return 0;
  }
  console.log(
    `BROKEN at ${verdict.where}${verdict.brokenAtSeq ? ` (entry ${verdict.brokenAtSeq})` : ''}: ${verdict.reason}`,
  );
  console.log(`${verdict.entries} entries before it verify.`);
  return 1;
}

void main().then((code) => process.exit(code));
