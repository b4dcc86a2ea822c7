/**
 * At most `max` tasks at once across every site (each site's own bound is separate). Without it, 500
 * sites × 16 nodes each put 8,000 requests in flight at start-up, and the responses arriving together
 * starve everything else on the event loop — the served page included.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
