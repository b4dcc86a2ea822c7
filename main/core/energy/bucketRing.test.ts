import { describe, expect, it } from 'vitest';
import { BucketRing } from './bucketRing';

describe('BucketRing', () => {
  it('sums what was added per bucket and over a range', () => {
    const r = new BucketRing(60_000, 10, 2);
    r.add(0, 0, 1);
    r.add(59_999, 0, 2);
    r.add(60_000, 0, 4);
    r.add(60_000, 1, 8);
    expect(r.sum(0, 60_000, 0)).toBe(3);
    expect(r.sum(0, 120_000, 0)).toBe(7);
    expect(r.sum(0, 120_000, 1)).toBe(8);
    expect(r.series(0, 180_000, 0)).toEqual([
      { t: 0, v: 3 },
      { t: 60_000, v: 4 },
      { t: 120_000, v: null },
    ]);
  });

  it('reuses a bucket when time wraps round to it, forgetting what it held', () => {
    const r = new BucketRing(1000, 3, 1);
    r.add(0, 0, 5);
    r.add(3000, 0, 1); // same position, three buckets later
    expect(r.sum(0, 1000, 0)).toBe(0);
    expect(r.sum(3000, 4000, 0)).toBe(1);
    expect(r.oldestMs).toBe(3000);
  });

  it('spreads late-known energy over the span it was drawn in, dropping what is past its reach', () => {
    const r = new BucketRing(1000, 4, 1);
    r.addSpread(500, 2500, 0, 8);
    expect(r.series(0, 3000, 0).map((b) => b.v)).toEqual([2, 4, 2]);
    const short = new BucketRing(1000, 2, 1);
    short.addSpread(0, 4000, 0, 8); // only the last two seconds are still held
    expect(short.sum(0, 4000, 0)).toBe(4);
  });

  it('round-trips through JSON and refuses a saved ring of another shape', () => {
    const r = new BucketRing(1000, 4, 2);
    r.add(1500, 1, 0.125);
    const copy = new BucketRing(1000, 4, 2);
    expect(copy.load(JSON.parse(JSON.stringify(r)))).toBe(true);
    expect(copy.sum(0, 4000, 1)).toBe(0.125);
    const other = new BucketRing(1000, 5, 2);
    expect(other.load(JSON.parse(JSON.stringify(r)))).toBe(false);
    expect(other.load({ bucketMs: 1000, count: 4, fields: 2, stamps: 'AA', data: 'AA' })).toBe(false);
  });
});
