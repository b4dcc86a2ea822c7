/** Polls `probe` until it gives a value (not null or undefined), or fails naming what it waited for. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
  ms = 30_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
