import { describe, expect, it } from 'vitest';
import { expandHostlist, MAX_HOSTS } from './hostlist';

describe('expandHostlist', () => {
  it.each([
    ['gpu1', ['gpu1']],
    ['gpu[3-4]', ['gpu3', 'gpu4']],
    ['gpu[1,3-4],login1', ['gpu1', 'gpu3', 'gpu4', 'login1']],
    ['node[01-03]', ['node01', 'node02', 'node03']],
    ['node[098-101]', ['node098', 'node099', 'node100', 'node101']],
    ['r[1-2]n[1-2]', ['r1n1', 'r1n2', 'r2n1', 'r2n2']],
    ['gpu[7]-ib', ['gpu7-ib']],
    ['', []],
    [null, []],
    ['(null)', []],
  ])('%s', (s, want) => expect(expandHostlist(s)).toEqual({ ok: true, value: want }));

  it.each([
    ['gpu[1-', /unbalanced|unclosed/],
    ['gpu[a-b]', /numbers and ranges/],
    ['gpu[5-1]', /backwards/],
    ['gpu[[1]]', /unbalanced/],
    [`gpu[0-${MAX_HOSTS}]`, /larger than/],
    ['r[1-1000]n[1-1000]', /more than/],
  ])('refuses %s', (s, why) => {
    const r = expandHostlist(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(why);
  });
});
