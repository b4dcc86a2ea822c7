import { describe, expect, it } from 'vitest';
import { gpuTypesOf, parseGres, parseIndexList, parseTresGres, sumGpus } from './gres';

describe('parseGres', () => {
  it.each([
    ['gpu:h200:8', [{ name: 'gpu', type: 'h200', count: 8, indices: null }]],
    ['gpu:8', [{ name: 'gpu', type: null, count: 8, indices: null }]],
    ['gpu', [{ name: 'gpu', type: null, count: 1, indices: null }]],
    ['gpu:h200', [{ name: 'gpu', type: 'h200', count: 1, indices: null }]],
    ['gpu:h200:2(IDX:0-1)', [{ name: 'gpu', type: 'h200', count: 2, indices: [0, 1] }]],
    ['gpu:h200:0(IDX:N/A)', [{ name: 'gpu', type: 'h200', count: 0, indices: null }]],
    ['gpu:h200:3(IDX:0,2-3)', [{ name: 'gpu', type: 'h200', count: 3, indices: [0, 2, 3] }]],
    ['gpu:(null):2(IDX:4-5)', [{ name: 'gpu', type: null, count: 2, indices: [4, 5] }]],
    ['gpu:a100:4(S:0-1)', [{ name: 'gpu', type: 'a100', count: 4, indices: null }]],
    ['(null)', []],
    ['', []],
    [null, []],
    ['N/A', []],
    [
      'gpu:h100:4,gpu:a100:4',
      [
        { name: 'gpu', type: 'h100', count: 4, indices: null },
        { name: 'gpu', type: 'a100', count: 4, indices: null },
      ],
    ],
    [
      'gpu:h200:3(IDX:0,2-3),shard:h200:0(IDX:N/A)',
      [
        { name: 'gpu', type: 'h200', count: 3, indices: [0, 2, 3] },
        { name: 'shard', type: 'h200', count: 0, indices: null },
      ],
    ],
    ['mps:1K', [{ name: 'mps', type: null, count: 1024, indices: null }]],
  ])('%s', (s, want) => {
    expect(parseGres(s)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['gpu:h200:eight', /not a count/],
    ['gpu:h200:2(IDX:0-x)', /index list/],
    ['gpu:h200:2(IDX:0-1', /parentheses/],
    ['gpu:a:b:c', /too many/],
    [':8', /resource name/],
    ['gpu:h200:2(FOO:1)', /unknown/],
  ])('refuses %s', (s, why) => {
    const r = parseGres(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(why);
  });

  it('sums only GPUs and lists their types once', () => {
    const r = parseGres('gpu:h100:4,gpu:a100:2,nic:1,gpu:h100:1');
    if (!r.ok) throw new Error(r.message);
    expect(sumGpus(r.value)).toBe(7);
    expect(gpuTypesOf(r.value)).toEqual(['h100', 'a100']);
  });
});

describe('parseTresGres', () => {
  it.each([
    ['gres:gpu:h200:2', 2, ['h200']],
    ['gres:gpu:4', 4, []],
    ['gres/gpu:4', 4, []],
    ['cpu=2,gres/gpu=3', 3, []],
    ['', 0, []],
    [null, 0, []],
  ])('%s', (s, gpus, types) => {
    const r = parseTresGres(s);
    if (!r.ok) throw new Error(r.message);
    expect(sumGpus(r.value)).toBe(gpus);
    expect(gpuTypesOf(r.value)).toEqual(types);
  });
});

describe('parseIndexList', () => {
  it.each([
    ['0-1', [0, 1]],
    ['7', [7]],
    ['0,2-3,6', [0, 2, 3, 6]],
    ['N/A', null],
    ['3-1', undefined],
    ['a', undefined],
  ])('%s', (s, want) => expect(parseIndexList(s)).toEqual(want));
});
