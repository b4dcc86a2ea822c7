import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { ClientChannel } from 'ssh2';
import { err, ok, type Result } from '../../../shared/result';
import type { TerminalPrompt, TerminalState, TerminalTarget } from '../../../shared/terminal';
import type { AuditLog } from '../audit/auditLog';
import type { Session } from '../session/sessions';
import type { HostKeyStore } from './hostKeyStore';
import { SshChain, type ChainCallbacks, type Hop } from './sshChain';

export interface ResolvedTarget {
  title: string;
  /** For the audit log: site/node or host. */
  target: string;
  hops: Hop[];
}

export type TerminalEvent =
  | { name: 'terminal.data'; payload: { terminalId: string; data: string } }
  | { name: 'terminal.state'; payload: TerminalState }
  | { name: 'terminal.prompt'; payload: TerminalPrompt };

interface Terminal {
  id: string;
  owner: Session;
  chain: SshChain;
  stream: ClientChannel | null;
  state: TerminalState;
  openedAt: number;
  bytesOut: number;
  pending: string;
  flushTimer: NodeJS.Timeout | null;
}

interface Pending {
  owner: string;
  terminalId: string;
  resolve: (a: { trust?: boolean; answers?: string[] }) => void;
}

/** How long a prompt waits for the operator before the answer counts as "no". */
const PROMPT_TIMEOUT_MS = 5 * 60_000;

/**
 * Every SSH terminal of the console, in the core (never in the renderer): opens the jump chain,
 * routes host-key and secret prompts to the window that owns the terminal, batches output (one
 * message per terminal per 16 ms), and audits session open and close with the host-key fingerprints.
 */
export class TerminalService {
  private readonly terminals = new Map<string, Terminal>();
  private readonly prompts = new Map<string, Pending>();
  private readonly listeners = new Set<(owner: string, e: TerminalEvent) => void>();

  constructor(
    private readonly d: {
      hostKeys: HostKeyStore;
      audit: AuditLog;
      resolve: (target: TerminalTarget) => Promise<Result<ResolvedTarget>>;
    },
  ) {}

  on(listener: (ownerSessionId: string, e: TerminalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async open(
    target: TerminalTarget,
    cols: number,
    rows: number,
    owner: Session,
  ): Promise<Result<{ terminalId: string; title: string }>> {
    const resolved = await this.d.resolve(target);
    if (!resolved.ok) return resolved;
    const { hops, title } = resolved.value;
    const id = randomBytes(8).toString('hex');
    const t: Terminal = {
      id,
      owner,
      chain: new SshChain(),
      stream: null,
      openedAt: Date.now(),
      bytesOut: 0,
      pending: '',
      flushTimer: null,
      state: {
        terminalId: id,
        title,
        state: 'connecting',
        hop: 0,
        hops: hops.length,
        message: null,
        hostKeys: [],
      },
    };
    this.terminals.set(id, t);
    void this.connect(t, hops, cols, rows, resolved.value.target);
    return ok({ terminalId: id, title });
  }

  input(id: string, data: string, owner: Session): Result<Record<string, never>> {
    const t = this.own(id, owner);
    if (!t) return err('NOT_FOUND', `No open terminal ${id}.`);
    t.stream?.write(data);
    return ok({});
  }

  resize(id: string, cols: number, rows: number, owner: Session): Result<Record<string, never>> {
    const t = this.own(id, owner);
    if (!t) return err('NOT_FOUND', `No open terminal ${id}.`);
    t.stream?.setWindow(rows, cols, 0, 0);
    return ok({});
  }

  close(id: string, owner: Session): Result<Record<string, never>> {
    const t = this.own(id, owner);
    if (!t) return err('NOT_FOUND', `No open terminal ${id}.`);
    t.chain.close();
    return ok({});
  }

  answer(
    promptId: string,
    a: { trust?: boolean; answers?: string[] },
    owner: Session,
  ): Result<Record<string, never>> {
    const p = this.prompts.get(promptId);
    if (!p || p.owner !== owner.id)
      return err(
        'NOT_FOUND',
        'That prompt is no longer waiting (it was answered, timed out, or the terminal closed).',
      );
    this.prompts.delete(promptId);
    p.resolve(a);
    return ok({});
  }

  async forget(host: string, port: number, owner: Session): Promise<number> {
    const removed = await this.d.hostKeys.forget(host, port);
    await this.d.audit.append({
      actor: owner.actor,
      role: owner.role,
      action: 'ssh.hostkey.forget',
      target: `${host}:${port}`,
      params: { removed },
      outcome: 'ok',
    });
    return removed;
  }

  /** Closes every terminal (the console is stopping). */
  closeAll(): void {
    for (const t of this.terminals.values()) t.chain.close();
  }

  /** Closes every terminal a session owns (its window closed or its socket dropped). */
  closeAllOf(owner: Session): void {
    for (const t of this.terminals.values()) if (t.owner.id === owner.id) t.chain.close();
  }

  private own(id: string, owner: Session): Terminal | undefined {
    const t = this.terminals.get(id);
    return t && t.owner.id === owner.id ? t : undefined;
  }

  private emit(t: Terminal, e: TerminalEvent): void {
    for (const l of this.listeners) l(t.owner.id, e);
  }

  private setState(t: Terminal, patch: Partial<TerminalState>): void {
    t.state = { ...t.state, ...patch };
    this.emit(t, { name: 'terminal.state', payload: t.state });
  }

  private ask(
    t: Terminal,
    prompt: Omit<TerminalPrompt, 'promptId' | 'terminalId'>,
  ): Promise<{ trust?: boolean; answers?: string[] }> {
    const promptId = randomBytes(8).toString('hex');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.prompts.delete(promptId);
        resolve({});
      }, PROMPT_TIMEOUT_MS);
      this.prompts.set(promptId, {
        owner: t.owner.id,
        terminalId: t.id,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
      this.emit(t, { name: 'terminal.prompt', payload: { promptId, terminalId: t.id, ...prompt } });
    });
  }

  private async connect(t: Terminal, hops: Hop[], cols: number, rows: number, target: string): Promise<void> {
    const cb: ChainCallbacks = {
      checkHostKey: (hop, type, key) => this.d.hostKeys.check(hop.host, hop.port, type, key, hop.pinned),
      confirmHostKey: async (hop, d, key) => {
        const a = await this.ask(t, {
          kind: 'host-key',
          host: hop.host,
          port: hop.port,
          fingerprint: d.fingerprint,
          keyType: d.keyType,
          prompts: [],
        });
        if (a.trust) await this.d.hostKeys.trust(hop.host, hop.port, d.keyType, key);
        return a.trust === true;
      },
      askSecret: async (hop, kind, prompts) => {
        const a = await this.ask(t, {
          kind,
          host: hop.host,
          port: hop.port,
          fingerprint: null,
          keyType: null,
          prompts,
        });
        return a.answers ?? null;
      },
      onHop: (hop, phase, detail) =>
        this.setState(t, { hop, state: phase === 'ready' ? t.state.state : phase, message: detail ?? null }),
    };
    const r = await t.chain.open(hops, cb);
    const who = { actor: t.owner.actor, role: t.owner.role };
    if (!r.ok) {
      this.setState(t, { state: 'failed', hop: r.hop, message: r.reason });
      this.cleanup(t);
      await this.d.audit.append({
        ...who,
        action: 'ssh.open',
        target,
        params: { hops: hops.map((h) => `${h.user}@${h.host}:${h.port}`) },
        outcome: 'failed',
        message: r.reason,
      });
      return;
    }
    await this.d.audit.append({
      ...who,
      action: 'ssh.open',
      target,
      params: { hops: hops.map((h) => `${h.user}@${h.host}:${h.port}`), hostKeys: r.hostKeys },
      outcome: 'ok',
    });
    r.client.shell({ term: 'xterm-256color', cols, rows }, (e, stream) => {
      if (e) {
        this.setState(t, { state: 'failed', message: `the server refused a shell: ${e.message}` });
        t.chain.close();
        this.cleanup(t);
        return;
      }
      t.stream = stream;
      this.setState(t, { state: 'open', hop: hops.length - 1, message: null, hostKeys: r.hostKeys });
      const decoder = new StringDecoder('utf8');
      const onData = (chunk: Buffer) => {
        t.bytesOut += chunk.length;
        t.pending += decoder.write(chunk);
        t.flushTimer ??= setTimeout(() => this.flush(t), 16);
      };
      stream.on('data', onData);
      stream.stderr.on('data', onData);
      stream.on('close', () => {
        this.flush(t);
        t.chain.close();
      });
    });
    r.client.on('close', () => {
      if (t.state.state === 'closed') return;
      this.flush(t);
      this.setState(t, { state: 'closed', message: 'the session ended' });
      this.cleanup(t);
      this.d.audit
        .append({
          ...who,
          action: 'ssh.close',
          target,
          params: { seconds: Math.round((Date.now() - t.openedAt) / 1000), bytesOut: t.bytesOut },
          outcome: 'ok',
        })
        .catch(() => undefined); // the console is stopping; the log is already closed
    });
  }

  private flush(t: Terminal): void {
    if (t.flushTimer) clearTimeout(t.flushTimer);
    t.flushTimer = null;
    if (!t.pending) return;
    const data = t.pending;
    t.pending = '';
    this.emit(t, { name: 'terminal.data', payload: { terminalId: t.id, data } });
  }

  private cleanup(t: Terminal): void {
    this.terminals.delete(t.id);
    for (const [id, p] of this.prompts)
      if (p.terminalId === t.id) {
        this.prompts.delete(id);
        p.resolve({});
      }
  }
}
