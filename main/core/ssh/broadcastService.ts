import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../../shared/result';
import type { TerminalTarget } from '../../../shared/terminal';
import type { AuditLog } from '../audit/auditLog';
import { csvCell } from '../audit/auditCsv';
import type { Session } from '../session/sessions';
import { groupOutputs, resultsCsv, type NodeResult, type OutputGroup } from './groupOutputs';
import type { HostKeyStore } from './hostKeyStore';
import { execCapture, nonInteractive } from './execCapture';
import { SshChain } from './sshChain';
import type { ResolvedTarget } from './terminalService';

export interface BroadcastProgress {
  broadcastId: string;
  command: string;
  total: number;
  done: number;
  /** Results that changed since the last progress event. */
  results: NodeResult[];
  finished: boolean;
  /** Identical outputs grouped, biggest first; set once finished. */
  groups: OutputGroup[] | null;
}

interface Broadcast {
  id: string;
  owner: Session;
  command: string;
  results: NodeResult[];
  changed: Set<number>;
  cancelled: boolean;
  running: Set<SshChain>;
  timer: NodeJS.Timeout | null;
  finished: boolean;
}

const MAX_OUTPUT = 64 * 1024;
const truncate = (s: string) =>
  s.length > MAX_OUTPUT ? `${s.slice(0, MAX_OUTPUT)}\n[… output truncated at 64 KiB]` : s;

/**
 * Runs one command on many nodes (issue 5, fleet broadcast): bounded concurrency, a per-node
 * timeout, progress streamed at most four times a second, cancel, identical outputs grouped. It never
 * prompts: a node whose host key is not pinned or known is skipped with the reason, and so is one
 * that would need a typed password — 500 prompts help nobody.
 */
export class BroadcastService {
  private readonly broadcasts = new Map<string, Broadcast>();
  private readonly listeners = new Set<(owner: string, p: BroadcastProgress) => void>();

  constructor(
    private readonly d: {
      hostKeys: HostKeyStore;
      audit: AuditLog;
      resolve: (target: TerminalTarget) => Promise<Result<ResolvedTarget>>;
    },
  ) {}

  on(listener: (owner: string, p: BroadcastProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(
    targets: { siteId: string; hostname: string }[],
    command: string,
    opts: { concurrency: number; timeoutS: number },
    owner: Session,
  ): Promise<Result<{ broadcastId: string }>> {
    const id = randomBytes(8).toString('hex');
    const b: Broadcast = {
      id,
      owner,
      command,
      results: targets.map((t) => ({
        ...t,
        state: 'pending',
        exitCode: null,
        stdout: '',
        stderr: '',
        error: null,
        ms: null,
      })),
      changed: new Set(),
      cancelled: false,
      running: new Set(),
      timer: null,
      finished: false,
    };
    this.broadcasts.set(id, b);
    if (this.broadcasts.size > 20) this.broadcasts.delete(this.broadcasts.keys().next().value!);
    await this.d.audit.append({
      actor: owner.actor,
      role: owner.role,
      action: 'ssh.broadcast',
      target: `${targets.length} nodes`,
      params: {
        command,
        nodes: targets.map((t) => `${t.siteId}/${t.hostname}`),
        concurrency: opts.concurrency,
        timeoutS: opts.timeoutS,
      },
      outcome: 'ok',
    });
    void this.run(b, opts);
    return ok({ broadcastId: id });
  }

  cancel(id: string, owner: Session): Result<Record<string, never>> {
    const b = this.broadcasts.get(id);
    if (!b || b.owner.id !== owner.id) return err('NOT_FOUND', `No broadcast ${id}.`);
    b.cancelled = true;
    for (const c of b.running) c.close();
    return ok({});
  }

  export(
    id: string,
    format: 'csv' | 'json',
    owner: Session,
  ): Result<{ fileName: string; mimeType: string; content: string }> {
    const b = this.broadcasts.get(id);
    if (!b || b.owner.id !== owner.id) return err('NOT_FOUND', `No broadcast ${id}.`);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return ok(
      format === 'csv'
        ? {
            fileName: `broadcast-${stamp}.csv`,
            mimeType: 'text/csv',
            content: resultsCsv(b.results, csvCell),
          }
        : {
            fileName: `broadcast-${stamp}.json`,
            mimeType: 'application/json',
            content: JSON.stringify(
              { command: b.command, results: b.results, groups: groupOutputs(b.results) },
              null,
              2,
            ),
          },
    );
  }

  private async run(b: Broadcast, opts: { concurrency: number; timeoutS: number }): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < b.results.length) {
        const i = next++;
        if (b.cancelled) {
          this.update(b, i, { state: 'cancelled', error: 'cancelled before it ran' });
          continue;
        }
        await this.runOne(b, i, opts.timeoutS * 1000);
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, b.results.length) }, worker));
    const failed = b.results.filter((r) => r.state !== 'done' || r.exitCode !== 0).length;
    await this.d.audit
      .append({
        actor: b.owner.actor,
        role: b.owner.role,
        action: 'ssh.broadcast.done',
        target: `${b.results.length} nodes`,
        params: { command: b.command, ok: b.results.length - failed, notOk: failed, cancelled: b.cancelled },
        outcome: failed ? 'failed' : 'ok',
      })
      .catch(() => undefined);
    // Reported finished only once the outcome is in the audit log.
    b.finished = true;
    this.emit(b);
  }

  private async runOne(b: Broadcast, i: number, timeoutMs: number): Promise<void> {
    const r = b.results[i]!;
    const started = Date.now();
    this.update(b, i, { state: 'running' });
    const resolved = await this.d.resolve({ kind: 'node', siteId: r.siteId, hostname: r.hostname });
    if (!resolved.ok) return this.update(b, i, { state: 'failed', error: resolved.error.message, ms: 0 });
    const chain = new SshChain();
    b.running.add(chain);
    const cb = nonInteractive(this.d.hostKeys);
    const timer = setTimeout(() => chain.close(), timeoutMs);
    try {
      const c = await chain.open(resolved.value.hops, cb, timeoutMs);
      if (!c.ok) {
        const reason = /was not accepted/.test(c.reason)
          ? `host key not trusted yet — open a terminal to ${r.hostname} once to check and accept it`
          : c.reason;
        return this.update(b, i, {
          state: b.cancelled ? 'cancelled' : 'failed',
          error: reason,
          ms: Date.now() - started,
        });
      }
      const out = await execCapture(c.client, b.command, MAX_OUTPUT);
      const timedOut = Date.now() - started >= timeoutMs;
      this.update(b, i, {
        state: b.cancelled ? 'cancelled' : timedOut && out.code === null ? 'timeout' : 'done',
        exitCode: out.code,
        stdout: truncate(out.stdout),
        stderr: truncate(out.stderr),
        error: timedOut && out.code === null ? `no result within ${timeoutMs / 1000} s` : null,
        ms: Date.now() - started,
      });
    } finally {
      clearTimeout(timer);
      chain.close();
      b.running.delete(chain);
    }
  }

  private update(b: Broadcast, i: number, patch: Partial<NodeResult>): void {
    b.results[i] = { ...b.results[i]!, ...patch };
    b.changed.add(i);
    b.timer ??= setTimeout(() => this.emit(b), 250);
  }

  private emit(b: Broadcast): void {
    if (b.timer) clearTimeout(b.timer);
    b.timer = null;
    const results = [...b.changed].map((i) => b.results[i]!);
    b.changed.clear();
    const done = b.results.filter((r) => r.state !== 'pending' && r.state !== 'running').length;
    const p: BroadcastProgress = {
      broadcastId: b.id,
      command: b.command,
      total: b.results.length,
      done,
      results,
      finished: b.finished,
      groups: b.finished ? groupOutputs(b.results) : null,
    };
    for (const l of this.listeners) l(b.owner.id, p);
  }
}
