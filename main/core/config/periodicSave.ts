/**
 * Saves some state every minute and once more at stop, one save at a time (a slow disk never has
 * two writers racing on the same file). The timer is unref'd: it never keeps the process alive.
 */
export class PeriodicSave {
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: () => Promise<void>,
    private readonly everyMs = 60_000,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.now(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.now();
  }

  /** Queues a save after any in flight; failures are the writer's to report. */
  now(): Promise<void> {
    this.chain = this.chain.then(() => this.write().catch(() => undefined));
    return this.chain;
  }
}
