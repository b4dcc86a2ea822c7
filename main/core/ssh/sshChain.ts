import { readFile } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { Client, utils, type AuthenticationType, type ClientChannel } from 'ssh2';
import { candidateId, keyTypeOf, nextAuth, type AuthCandidate } from './authPlan';
import type { HostKeyDecision } from './hostKeyStore';

export interface Hop {
  host: string;
  port: number;
  user: string;
  auth: AuthCandidate[];
  /** SHA256 fingerprints from the site inventory, trusted without a prompt. */
  pinned: string[];
}

export type SecretKind = 'password' | 'passphrase' | 'keyboard-interactive';

export interface ChainCallbacks {
  checkHostKey(hop: Hop, keyType: string, key: Buffer): Promise<HostKeyDecision>;
  /** The operator decides on an unknown key; resolves true to trust (and remember) it. */
  confirmHostKey(
    hop: Hop,
    decision: Extract<HostKeyDecision, { decision: 'ask' }>,
    key: Buffer,
  ): Promise<boolean>;
  /** Asks the operator; null means they cancelled. Values are used once and never stored here. */
  askSecret(
    hop: Hop,
    kind: SecretKind,
    prompts: { prompt: string; echo: boolean }[],
  ): Promise<string[] | null>;
  onHop(index: number, phase: 'connecting' | 'verifying' | 'authenticating' | 'ready', detail?: string): void;
}

export type ChainResult =
  | {
      ok: true;
      client: Client;
      hostKeys: { host: string; fingerprint: string; status: 'pinned' | 'known' | 'new' }[];
    }
  | { ok: false; hop: number; reason: string };

/**
 * Opens a jump chain: hop 0 over TCP, each next hop over a direct-tcpip channel of the one before
 * (the Tabby shape: each hop's stream is the next hop's socket). Host keys are checked in
 * `hostVerifier` before authentication starts, so no credential reaches a host whose key was refused
 * or not yet accepted. Closing the first client closes everything behind it.
 */
export class SshChain {
  readonly clients: Client[] = [];

  async open(hops: readonly Hop[], cb: ChainCallbacks, readyTimeoutMs = 20_000): Promise<ChainResult> {
    const hostKeys: Extract<ChainResult, { ok: true }>['hostKeys'] = [];
    let sock: Duplex | undefined;
    for (const [i, hop] of hops.entries()) {
      cb.onHop(i, 'connecting', `${hop.user}@${hop.host}:${hop.port}`);
      const r = await this.connectHop(i, hop, sock, cb, readyTimeoutMs);
      if (!r.ok) {
        this.close();
        return r;
      }
      hostKeys.push(r.hostKey);
      this.clients.push(r.client);
      const next = hops[i + 1];
      if (next) {
        try {
          sock = await new Promise<ClientChannel>((resolve, reject) =>
            r.client.forwardOut('127.0.0.1', 0, next.host, next.port, (err, ch) =>
              err ? reject(err) : resolve(ch),
            ),
          );
        } catch (e) {
          this.close();
          return {
            ok: false,
            hop: i + 1,
            reason: `${hop.host} could not open a channel to ${next.host}:${next.port}: ${(e as Error).message}`,
          };
        }
      }
    }
    return { ok: true, client: this.clients.at(-1)!, hostKeys };
  }

  close(): void {
    // The first hop carries every other: ending it ends the chain.
    for (const c of [...this.clients].reverse()) c.end();
  }

  private connectHop(
    index: number,
    hop: Hop,
    sock: Duplex | undefined,
    cb: ChainCallbacks,
    readyTimeout: number,
  ): Promise<
    | {
        ok: true;
        client: Client;
        hostKey: { host: string; fingerprint: string; status: 'pinned' | 'known' | 'new' };
      }
    | { ok: false; hop: number; reason: string }
  > {
    return new Promise((resolve) => {
      const client = new Client();
      let refusal: string | null = null;
      let hostKey: { host: string; fingerprint: string; status: 'pinned' | 'known' | 'new' } | null = null;
      const tried = new Set<string>();
      let settled = false;
      const finish = (v: Parameters<typeof resolve>[0]) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        resolve(v);
      };
      // The handshake deadline counts the network's time, not the operator's: it stops while a
      // host-key or password prompt waits for an answer and starts afresh after it.
      let watchdog: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          client.destroy();
          finish({
            ok: false,
            hop: index,
            reason: `${hop.host}:${hop.port} did not complete the SSH handshake within ${readyTimeout / 1000} s`,
          });
        }, readyTimeout);
      };
      const asking = <T>(p: Promise<T>): Promise<T> => {
        clearTimeout(watchdog);
        return p.finally(() => {
          if (!settled) arm();
        });
      };
      const ask: ChainCallbacks = {
        ...cb,
        confirmHostKey: (h, d, k) => asking(cb.confirmHostKey(h, d, k)),
        askSecret: (h, kind, prompts) => asking(cb.askSecret(h, kind, prompts)),
      };
      arm();

      const authHandler = (
        methodsLeft: AuthenticationType[] | null,
        _partial: boolean | null,
        next: (m: unknown) => void,
      ) => {
        cb.onHop(index, 'authenticating');
        void (async () => {
          for (;;) {
            const c = nextAuth(hop.auth, tried, methodsLeft);
            if (!c) return next(false);
            tried.add(candidateId(c));
            const method = await this.method(c, hop, ask);
            if (method) return next(method);
          }
        })();
      };

      client.on('ready', () => {
        cb.onHop(index, 'ready');
        finish({ ok: true, client, hostKey: hostKey! });
      });
      client.on('error', (e: Error & { level?: string }) => {
        const reason = refusal
          ? refusal
          : e.level === 'client-authentication'
            ? `${hop.user}@${hop.host} refused every authentication method tried (${[...tried].join(', ') || 'none available'})`
            : e.level === 'client-timeout'
              ? `${hop.host}:${hop.port} did not complete the SSH handshake within ${readyTimeout / 1000} s`
              : `${hop.host}:${hop.port}: ${e.message}`;
        finish({ ok: false, hop: index, reason });
      });
      client.on('close', () =>
        finish({ ok: false, hop: index, reason: refusal ?? `${hop.host}:${hop.port} closed the connection` }),
      );

      client.connect({
        host: hop.host,
        port: hop.port,
        username: hop.user,
        sock: sock as never,
        readyTimeout: 0, // our watchdog above, which pauses for prompts
        keepaliveInterval: 15_000,
        authHandler: authHandler as never,
        hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
          cb.onHop(index, 'verifying');
          void (async () => {
            const keyType = keyTypeOf(key);
            const d = await cb.checkHostKey(hop, keyType, key);
            if (d.decision === 'trust') {
              hostKey = { host: hop.host, fingerprint: d.fingerprint, status: d.status };
              return verify(true);
            }
            if (d.decision === 'refuse') {
              refusal = `Refused ${hop.host}:${hop.port}: ${d.reason}`;
              return verify(false);
            }
            const yes = await ask.confirmHostKey(hop, d, key);
            if (!yes)
              refusal = `Not connected: the host key of ${hop.host}:${hop.port} (${d.fingerprint}) was not accepted`;
            else hostKey = { host: hop.host, fingerprint: d.fingerprint, status: 'new' };
            verify(yes);
          })();
        },
      });
    });
  }

  /** Turns a candidate into an ssh2 auth method, asking the operator for what it needs. */
  private async method(c: AuthCandidate, hop: Hop, cb: ChainCallbacks): Promise<unknown | null> {
    const username = hop.user;
    switch (c.kind) {
      case 'agent':
        return { type: 'agent', username, agent: c.socket };
      case 'password': {
        const a = await cb.askSecret(hop, 'password', [
          { prompt: `Password for ${username}@${hop.host}`, echo: false },
        ]);
        return a ? { type: 'password', username, password: a[0] ?? '' } : null;
      }
      case 'keyboard-interactive':
        return {
          type: 'keyboard-interactive',
          username,
          prompt: (
            _n: string,
            _i: string,
            _l: string,
            prompts: { prompt: string; echo: boolean }[],
            finish: (r: string[]) => void,
          ) => {
            if (prompts.length === 0) return finish([]);
            void cb.askSecret(hop, 'keyboard-interactive', prompts).then((a) => finish(a ?? []));
          },
        };
      case 'key': {
        let data: Buffer;
        try {
          data = await readFile(c.path);
        } catch {
          return null; // a key file that is not there is simply not a candidate
        }
        const plain = utils.parseKey(data);
        if (!(plain instanceof Error)) return { type: 'publickey', username, key: data };
        if (!/encrypted|passphrase/i.test(plain.message)) return null;
        for (let attempt = 0; attempt < 3; attempt++) {
          const a = await cb.askSecret(hop, 'passphrase', [
            { prompt: `Passphrase for ${c.path}`, echo: false },
          ]);
          if (!a) return null;
          const parsed = utils.parseKey(data, a[0]);
          if (!(parsed instanceof Error)) return { type: 'publickey', username, key: data, passphrase: a[0] };
        }
        return null;
      }
    }
  }
}
