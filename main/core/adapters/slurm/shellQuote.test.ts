import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellJoin, shellQuote } from './shellQuote';

describe('shellQuote', () => {
  it.each([
    ['scontrol', 'scontrol'],
    ['nodename=gpu1', 'nodename=gpu1'],
    ['', "''"],
    ['reason=XID 79', "'reason=XID 79'"],
    ["it's", "'it'\\''s'"],
    ['$(rm -rf /)', "'$(rm -rf /)'"],
    ['a;b|c&d', "'a;b|c&d'"],
    ['`id`', "'`id`'"],
    ['line\nbreak', "'line\nbreak'"],
  ])('%j → %s', (arg, want) => expect(shellQuote(arg)).toBe(want));

  it('refuses a NUL byte', () => expect(() => shellQuote('a\0b')).toThrow(/NUL/));

  // The proof that matters: a real POSIX sh hands back every argument byte for byte.
  it('survives a real sh unchanged', () => {
    const args = ['reason=XID 79 on GPU 3', "it's", '$HOME', '`id`', '"dq"', 'a\\b', '*', '', '\n\t', 'ü'];
    const line = `printf '%s\\0' ${args.map(shellQuote).join(' ')}`;
    const out = execFileSync('sh', ['-c', line]).toString('utf8');
    expect(out.split('\0').slice(0, -1)).toEqual(args);
  });

  it('joins an argv with env assignments in front', () => {
    expect(shellJoin(['scontrol', 'requeue', '12'], { SLURM_JWT: 'a b' })).toBe(
      "env SLURM_JWT='a b' scontrol requeue 12",
    );
    expect(() => shellJoin(['x'], { 'A=B': '1' })).toThrow(/not an environment/);
  });
});
