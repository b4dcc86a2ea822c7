import { open, readdir, readFile, mkdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GENESIS_HASH,
  matchesAuditFilter,
  type AuditEntry,
  type AuditFilter,
  type AuditVerdict,
} from '../../../shared/audit';
import type { Role } from '../../../shared/roles';
import { writeFileAtomic } from '../config/atomicFile';
import { entryHash } from './entryHash';
import { redactSecrets } from './redact';
import { verifyChain, type ChainHead } from './verifyChain';

export interface AuditInput {
  actor: AuditEntry['actor'];
  role: Role;
  action: string;
  target?: string | null;
  params?: Record<string, unknown>;
  outcome: AuditEntry['outcome'];
  message?: string | null;
}

export interface AuditLogOptions {
  dir: string;
  /** Start a new file past this size; the chain runs on across files. */
  maxFileBytes?: number;
  /** How many recent entries the UI can list without reading the disk. */
  retain?: number;
  now?: () => number;
}

const FILE_RE = /^audit-(\d{6})\.jsonl$/;
const fileName = (n: number) => `audit-${String(n).padStart(6, '0')}.jsonl`;
export const HEAD_FILE = 'audit.head.json';

export async function listLogFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => FILE_RE.test(n)).sort();
}

export async function readHead(dir: string): Promise<ChainHead | null> {
  try {
    const h = JSON.parse(await readFile(join(dir, HEAD_FILE), 'utf8')) as ChainHead;
    return typeof h.seq === 'number' && typeof h.hash === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Verifies every log file in a directory against its head record. */
export async function verifyDir(dir: string): Promise<AuditVerdict> {
  const names = await listLogFiles(dir);
  const files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })),
  );
  return verifyChain(files, await readHead(dir));
}

interface Pending {
  input: AuditInput;
  resolve: (e: AuditEntry) => void;
  reject: (err: Error) => void;
}

/**
 * The append-only, hash-chained audit log (issue 9). An append resolves only after its line is on
 * disk (fdatasync) and the head record names it, so whatever was acknowledged survives a crash.
 * Appends that arrive together share one write and one sync (group commit).
 */
export class AuditLog {
  private fh!: FileHandle;
  private fileIndex = 1;
  private fileBytes = 0;
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;
  private readonly recent: AuditEntry[] = [];
  private readonly queue: Pending[] = [];
  private flushing = false;
  private readonly listeners = new Set<(e: AuditEntry) => void>();
  private readonly now: () => number;
  private readonly maxFileBytes: number;
  private readonly retain: number;

  private constructor(
    readonly dir: string,
    opts: AuditLogOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.maxFileBytes = opts.maxFileBytes ?? 8 * 1024 * 1024;
    this.retain = opts.retain ?? 20_000;
  }

  /** Opens (or creates) the log. A partly written last line — never acknowledged — is cut off and noted. */
  static async open(opts: AuditLogOptions, system: AuditInput['actor']): Promise<AuditLog> {
    const log = new AuditLog(opts.dir, opts);
    await mkdir(opts.dir, { recursive: true, mode: 0o700 });
    const names = await listLogFiles(opts.dir);
    const notes: AuditInput[] = [];
    for (const name of names) {
      const text = await readFile(join(opts.dir, name), 'utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const e = JSON.parse(line) as AuditEntry;
          if (typeof e.seq !== 'number' || typeof e.hash !== 'string') continue;
          log.lastSeq = e.seq;
          log.lastHash = e.hash;
          log.remember(e);
        } catch {
          // Damaged lines stay in the file for `verify` to report; they are not ours to drop.
        }
      }
    }
    if (names.length) log.fileIndex = Number(FILE_RE.exec(names.at(-1)!)![1]);
    const current = join(opts.dir, fileName(log.fileIndex));
    log.fh = await open(current, 'a+', 0o600);
    const text = names.length ? await readFile(current, 'utf8') : '';
    if (text.length && !text.endsWith('\n')) {
      const keep = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1));
      await log.fh.truncate(keep);
      notes.push({
        actor: system,
        role: 'admin',
        action: 'audit.recovered',
        target: fileName(log.fileIndex),
        params: { droppedBytes: Buffer.byteLength(text) - keep },
        outcome: 'ok',
        message: 'A partly written entry (never acknowledged) was cut from the end after an unclean stop.',
      });
      log.fileBytes = keep;
    } else log.fileBytes = Buffer.byteLength(text);
    const head = await readHead(opts.dir);
    if (head && head.seq !== log.lastSeq)
      notes.push({
        actor: system,
        role: 'admin',
        action: 'audit.integrity',
        target: null,
        params: { headSeq: head.seq, lastSeq: log.lastSeq },
        outcome: 'failed',
        message: `The log ends at entry ${log.lastSeq} but its head record says ${head.seq} were acknowledged.`,
      });
    for (const n of notes) await log.append(n);
    return log;
  }

  get size(): number {
    return this.lastSeq;
  }

  onAppend(listener: (e: AuditEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(input: AuditInput): Promise<AuditEntry> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Newest first, at most `limit`, optionally only entries older than `beforeSeq`. */
  list(filter: AuditFilter, limit: number, beforeSeq?: number): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (let i = this.recent.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.recent[i]!;
      if (beforeSeq !== undefined && e.seq >= beforeSeq) continue;
      if (matchesAuditFilter(e, filter)) out.push(e);
    }
    return out;
  }

  /**
   * Every entry on disk that passes the filter, oldest first — for exports, which must not stop at
   * the in-memory window that `list` serves the UI from. Damaged lines are skipped (verify names them).
   */
  async readAll(filter: AuditFilter): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for (const name of await listLogFiles(this.dir)) {
      for (const line of (await readFile(join(this.dir, name), 'utf8')).split('\n')) {
        if (!line) continue;
        try {
          const e = JSON.parse(line) as AuditEntry;
          if (typeof e.seq === 'number' && matchesAuditFilter(e, filter)) out.push(e);
        } catch {
          // reported by verify, not exported
        }
      }
    }
    return out;
  }

  verify(): Promise<AuditVerdict> {
    return verifyDir(this.dir);
  }

  async close(): Promise<void> {
    while (this.flushing || this.queue.length) await new Promise((r) => setTimeout(r, 5));
    await this.fh.close();
  }

  private remember(e: AuditEntry): void {
    this.recent.push(e);
    if (this.recent.length > this.retain) this.recent.splice(0, this.recent.length - this.retain);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, 512);
        const entries: AuditEntry[] = [];
        let prev = this.lastHash;
        let seq = this.lastSeq;
        for (const p of batch) {
          const base = {
            seq: ++seq,
            time: new Date(this.now()).toISOString(),
            actor: p.input.actor,
            role: p.input.role,
            action: p.input.action,
            target: p.input.target ?? null,
            params: (redactSecrets(p.input.params ?? {}) as Record<string, unknown>) ?? {},
            outcome: p.input.outcome,
            message: p.input.message ?? null,
            prev,
          };
          const entry: AuditEntry = { ...base, hash: entryHash(base) };
          entries.push(entry);
          prev = entry.hash;
        }
        const data = entries.map((e) => JSON.stringify(e) + '\n').join('');
        try {
          const bytes = Buffer.byteLength(data);
          if (this.fileBytes > 0 && this.fileBytes + bytes > this.maxFileBytes) await this.rotate();
          await this.fh.write(data);
          await this.fh.datasync();
          this.fileBytes += bytes;
          await this.writeHead({ seq, hash: prev });
        } catch (e) {
          const err = new Error(
            `The audit log could not be written (${(e as Error).message}); the action was not recorded.`,
          );
          batch.forEach((p) => p.reject(err));
          continue;
        }
        this.lastSeq = seq;
        this.lastHash = prev;
        entries.forEach((e, i) => {
          this.remember(e);
          batch[i]!.resolve(e);
          for (const l of this.listeners) l(e);
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  private async rotate(): Promise<void> {
    await this.fh.close();
    this.fileIndex++;
    this.fh = await open(join(this.dir, fileName(this.fileIndex)), 'a+', 0o600);
    this.fileBytes = 0;
  }

  private async writeHead(head: ChainHead): Promise<void> {
    await writeFileAtomic(join(this.dir, HEAD_FILE), JSON.stringify(head));
  }
}
