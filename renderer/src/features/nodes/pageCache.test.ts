import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../../../../shared/nodes';
import {
  clampIndex,
  clampWindow,
  pagesFor,
  pagesToFetch,
  prunePages,
  putPage,
  rowAt,
  type Page,
} from './pageCache';

const row = (hostname: string): NodeRow => ({
  siteId: 's',
  siteName: 'S',
  country: 'DE',
  hostname,
  model: null,
  gpus: 8,
  status: 'ok',
  statusReason: null,
  schedulerState: null,
  utilPct: null,
  powerKw: null,
  maxTempC: null,
  lastXid: null,
  dataAgeS: null,
  alerts: 0,
  worstSeverity: null,
});
const page = (n: number, at = 1, prefix = 'n'): Page => ({
  rows: Array.from({ length: n }, (_, i) => row(`${prefix}${i}`)),
  at,
});

describe('pagesFor', () => {
  it.each([
    [0, 30, 200, [0]],
    [190, 230, 200, [0, 1]],
    [200, 400, 200, [1]],
    [399, 401, 200, [1, 2]],
    [19_980, 20_000, 200, [99]],
    [10, 10, 200, []],
    [-5, 3, 200, [0]],
  ])('rows [%i, %i) at %i per page → %j', (start, end, size, want) => {
    expect(pagesFor(start, end, size)).toEqual(want);
  });
});

describe('rowAt', () => {
  it('finds a row in its page, or nothing when the page is not cached', () => {
    const cache = new Map([[1, page(200)]]);
    expect(rowAt(cache, 205)?.hostname).toBe('n5');
    expect(rowAt(cache, 5)).toBeUndefined();
    expect(rowAt(new Map([[0, page(3)]]), 7)).toBeUndefined();
  });
});

describe('putPage', () => {
  it('keeps the newer answer when an older one arrives late', () => {
    const newer = putPage(new Map(), 0, page(2, 10, 'new'));
    expect(putPage(newer, 0, page(2, 9, 'old'))).toBe(newer);
    expect(rowAt(putPage(newer, 0, page(2, 11, 'newest')), 0)?.hostname).toBe('newest0');
  });
});

describe('prunePages', () => {
  const cacheOf = (...pages: number[]) => new Map(pages.map((p) => [p, page(200)]));

  it('drops the pages farthest from the view beyond the cap, never one in view', () => {
    const pruned = prunePages(cacheOf(0, 1, 2, 3, 10, 11), [10, 11], 20_000, 4);
    expect([...pruned.keys()].sort((a, b) => a - b)).toEqual([2, 3, 10, 11]);
  });

  it('drops pages past the end of a shrunk result', () => {
    expect([...prunePages(cacheOf(0, 1, 2), [0], 250).keys()]).toEqual([0, 1]);
    expect(prunePages(cacheOf(0, 1), [], 0).size).toBe(0);
  });

  it('returns the same cache when nothing goes', () => {
    const cache = cacheOf(0, 1);
    expect(prunePages(cache, [0], 400)).toBe(cache);
  });
});

describe('pagesToFetch', () => {
  const cache = new Map([[0, page(200)]]);
  it('asks for missing pages, or every page in view on a tick, skipping those on their way', () => {
    expect(pagesToFetch(cache, [0, 1], false, new Set())).toEqual([1]);
    expect(pagesToFetch(cache, [0, 1], true, new Set())).toEqual([0, 1]);
    expect(pagesToFetch(cache, [0, 1], true, new Set([1]))).toEqual([0]);
  });
});

describe('clampIndex', () => {
  it('keeps a selection inside the result', () => {
    expect(clampIndex(5, 3)).toBe(2);
    expect(clampIndex(-1, 3)).toBe(0);
    expect(clampIndex(4, 0)).toBe(-1);
  });
});

describe('clampWindow', () => {
  it('fits a measured window to the result and sizes the spacers', () => {
    expect(clampWindow({ start: 10, end: 50 }, 1000, 26)).toEqual({
      start: 10,
      end: 50,
      padTop: 260,
      padBottom: 950 * 26,
    });
    expect(clampWindow({ start: 10, end: 50 }, 30, 26)).toEqual({
      start: 10,
      end: 30,
      padTop: 260,
      padBottom: 0,
    });
    expect(clampWindow({ start: 990, end: 1030 }, 30, 26)).toEqual({
      start: 29,
      end: 30,
      padTop: 29 * 26,
      padBottom: 0,
    });
    expect(clampWindow({ start: 0, end: 40 }, 0, 26)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});
