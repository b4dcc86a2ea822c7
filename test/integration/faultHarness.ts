import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SitesFile } from '../../main/core/config/sitesFile';
import type { BodyKind, FaultMode } from './faultProxy';

export type HarnessCommand = 'sim' | 'proxy' | 'mode' | 'upstream' | 'bearer' | 'cert' | 'served' | 'stop';
export interface HarnessCall {
  id: number;
  cmd: HarnessCommand;
  args?: unknown;
}
export type HarnessReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface TlsFiles {
  keyFile: string;
  certFile: string;
}

/**
 * The test's handle on faultHarnessChild.ts: simulated sites and fault proxies served from another
 * process, so the event-loop lag measured in the test process is the core's own.
 */
export class FaultHarness {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (r: HarnessReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(`fault harness: ${r.error}`));
    });
    child.on('exit', (code, signal) => {
      for (const p of this.pending.values())
        p.reject(new Error(`fault harness exited (${code ?? signal}) with a call pending`));
      this.pending.clear();
    });
  }

  static async start(): Promise<FaultHarness> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(process.cwd(), 'test/integration/faultHarnessChild.ts')],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('the fault harness did not start within 30 s')), 30_000);
      child.once('message', () => {
        clearTimeout(t);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(t);
        reject(new Error(`the fault harness exited with ${code} before it was ready`));
      });
    });
    return new FaultHarness(child);
  }

  private call<T>(cmd: HarnessCommand, args?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, args } satisfies HarnessCall);
    });
  }

  /** Starts the simulated fleet's listeners; returns their manifest (sites.json shape). */
  sim(o: { seed: number; sites: number; nodesPerSite: number }): Promise<SitesFile> {
    return this.call('sim', o);
  }

  /** A fault proxy in front of `upstream`; returns its URL. */
  proxy(o: {
    name: string;
    upstream: string;
    kind: BodyKind;
    bearer?: string;
    tls?: TlsFiles;
    declareHugeLength?: boolean;
  }): Promise<string> {
    return this.call('proxy', o);
  }

  mode(names: readonly string[], mode: FaultMode): Promise<void> {
    return this.call('mode', { names, mode });
  }

  upstream(name: string, url: string): Promise<void> {
    return this.call('upstream', { name, url });
  }

  bearer(name: string, token: string): Promise<void> {
    return this.call('bearer', { name, token });
  }

  cert(name: string, files: TlsFiles): Promise<void> {
    return this.call('cert', { name, ...files });
  }

  /** Requests each proxy answered, by mode. */
  served(): Promise<Record<string, Record<string, number>>> {
    return this.call('served');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    await this.call('stop').catch(() => undefined);
    this.child.kill('SIGTERM');
    await gone;
  }
}
