import { Worker } from 'node:worker_threads';
import { scrapeDcgm, type DcgmScrape, type DcgmScrapeRequest } from '../adapters/dcgm/scrapeDcgm';
import { intern } from '../telemetry/dcgm';
import { unpackReadings } from './packedReadings';

/**
 * Runs the dcgm scrapes — GET, parse, read — on a worker thread, so the core's event loop is left for
 * the tick, queries and the served page (issue 10: at 160,000 GPUs a scrape round is ~7 CPU-s of
 * parsing, which on the main thread delayed the page's first paint and every query behind it).
 *
 * The worker gets its own young generation (`youngGenerationMb`): the parser's garbage is short-lived,
 * and V8's default young generation turns it into constant scavenges. A worker's heap limits are set
 * here, in code — which is what lets the desktop app have them too (Electron's main process cannot be
 * given V8 flags without a custom Chromium switch; see nodeFlags.ts).
 *
 * Readings cross packed (packedReadings.ts): numbers in a transferred array, and the text only when
 * it changed since the last answer for that exporter — the pool keeps each exporter's last text.
 *
 * The worker is ours, in our process, so its answers get a shape check, not a schema (a schema would
 * cost the main thread what the worker saves). If it dies or stops answering, what it held is scraped
 * again on this thread and a new worker starts at the next scrape; after three failed starts in a row
 * the pool stays on this thread and says so once.
 */
export interface ScrapePoolOptions {
  youngGenerationMb?: number;
  /** Beyond a request's own deadline, how long the worker may take to answer before it counts as hung. */
  graceMs?: number;
  log?: (msg: string) => void;
}

interface Pending {
  req: DcgmScrapeRequest;
  resolve: (r: DcgmScrape) => void;
  timer: NodeJS.Timeout;
}

const MAX_FAILED_STARTS = 3;
/**
 * V8's young generation is three semi-spaces: 96 MB is what `--max-semi-space-size=32` gives the
 * served core's main thread (nodeFlags.ts), measured there as the parser's best setting.
 */
const YOUNG_GENERATION_MB = 96;

export class ScrapePool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failedStarts = 0;
  private answeredSinceStart = false;
  /** Which worker is running (a new one numbers its texts afresh). */
  private generation = 0;
  /** Each exporter's last text, as numbered by the worker generation that sent it. */
  private readonly texts = new Map<string, { generation: number; seq: number; strs: (string | null)[] }>();
  private closed = false;
  /** How many scrapes ran on this thread because the worker could not take them (tests read it). */
  inlineScrapes = 0;

  constructor(
    private readonly file: string,
    private readonly opts: ScrapePoolOptions = {},
  ) {}

  /** A DcgmScraper: hand it to the telemetry sources. */
  readonly scrape = (req: DcgmScrapeRequest): Promise<DcgmScrape> => {
    const w = this.closed ? null : this.ensureWorker();
    if (!w) return this.inline(req);
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(
        () => this.fail(`did not answer within ${req.timeoutMs + this.grace} ms`),
        req.timeoutMs + this.grace,
      );
      this.pending.set(id, { req, resolve, timer });
      const text = this.texts.get(req.url);
      w.postMessage({ id, req, have: text?.generation === this.generation ? text.seq : 0 });
    });
  };

  /** Ends the worker; scrapes still in flight finish on this thread. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.takeBackPending();
    await w?.terminate();
  }

  private get grace(): number {
    return this.opts.graceMs ?? 5000;
  }

  private inline(req: DcgmScrapeRequest): Promise<DcgmScrape> {
    this.inlineScrapes++;
    return scrapeDcgm(req);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (this.failedStarts >= MAX_FAILED_STARTS) return null;
    let w: Worker;
    try {
      const resourceLimits = { maxYoungGenerationSizeMb: this.opts.youngGenerationMb ?? YOUNG_GENERATION_MB };
      // From source (tests, the bench) the worker is TypeScript: tsx's require hook loads it (a
      // worker does not take `--import tsx` for its own entry).
      w = this.file.endsWith('.ts')
        ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(this.file)});`, {
            eval: true,
            resourceLimits,
          })
        : new Worker(this.file, { resourceLimits });
    } catch (e) {
      this.startFailed((e as Error).message);
      return null;
    }
    w.unref();
    this.answeredSinceStart = false;
    this.generation++;
    w.on('message', (m: unknown) => this.onMessage(m));
    // Only this worker's own events count: a late one from a worker already replaced must not end its successor.
    w.on('error', (e) => {
      if (this.worker === w) this.fail(`failed: ${e.message}`);
    });
    w.on('exit', (code) => {
      if (this.worker === w) this.fail(`exited with code ${code}`);
    });
    this.worker = w;
    return w;
  }

  private onMessage(m: unknown): void {
    const msg = m as {
      id?: unknown;
      result?: { kind?: unknown; samples?: unknown; stampMs?: unknown };
      packed?: { nums?: unknown; strs?: unknown; seq?: unknown };
    };
    const p = typeof msg?.id === 'number' ? this.pending.get(msg.id) : undefined;
    if (!p) return;
    this.pending.delete(msg.id as number);
    clearTimeout(p.timer);
    const result = msg.result?.kind === 'ok' ? this.okResult(p.req.url, msg) : msg.result;
    if (result?.kind !== 'ok' && result?.kind !== 'fail') {
      void this.inline(p.req).then(p.resolve);
      return;
    }
    if (!this.answeredSinceStart) {
      this.answeredSinceStart = true;
      this.failedStarts = 0;
    }
    p.resolve(result as DcgmScrape);
  }

  /** An ok answer's readings, from its numbers and its text or the text kept for the exporter; null if they do not fit. */
  private okResult(
    url: string,
    msg: {
      result?: { samples?: unknown; stampMs?: unknown };
      packed?: { nums?: unknown; strs?: unknown; seq?: unknown };
    },
  ): DcgmScrape | null {
    const { nums, strs, seq } = msg.packed ?? {};
    if (!(nums instanceof Float64Array) || typeof seq !== 'number') return null;
    let text: (string | null)[] | undefined;
    if (Array.isArray(strs)) {
      // Interned: an exporter's model and driver strings are the same for every GPU it has.
      text = strs.map((v: unknown) => (typeof v === 'string' ? intern(v) : null));
      this.texts.set(url, { generation: this.generation, seq, strs: text });
    } else {
      const kept = this.texts.get(url);
      if (kept?.generation === this.generation && kept.seq === seq) text = kept.strs;
    }
    const readings = text ? unpackReadings(nums, text) : null;
    const { samples, stampMs } = msg.result ?? {};
    if (!readings || typeof samples !== 'number' || (stampMs !== null && typeof stampMs !== 'number'))
      return null;
    return { kind: 'ok', readings, samples, stampMs };
  }

  /** The worker is gone or hung: its requests are scraped here, and the next scrape starts a new one. */
  private fail(why: string): void {
    const w = this.worker;
    if (!w) return;
    this.worker = null;
    void w.terminate();
    if (!this.answeredSinceStart) this.startFailed(why);
    else
      this.opts.log?.(`the scrape worker ${why}; starting a new one (scrapes in flight re-run in the core)`);
    this.takeBackPending();
  }

  private startFailed(why: string): void {
    this.failedStarts++;
    if (this.failedStarts === MAX_FAILED_STARTS)
      this.opts.log?.(
        `the scrape worker could not start (${why}); scraping on the core's own thread from now on, which is slower at large fleets`,
      );
  }

  private takeBackPending(): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      void this.inline(p.req).then(p.resolve);
    }
  }
}
