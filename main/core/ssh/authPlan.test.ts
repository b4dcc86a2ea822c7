import { describe, expect, it } from 'vitest';
import { candidateId, keyTypeOf, nextAuth, type AuthCandidate } from './authPlan';

const agent: AuthCandidate = { kind: 'agent', socket: '/run/agent' };
const k1: AuthCandidate = { kind: 'key', path: '/k/one' };
const k2: AuthCandidate = { kind: 'key', path: '/k/two' };
const pw: AuthCandidate = { kind: 'password' };
const kbd: AuthCandidate = { kind: 'keyboard-interactive' };
const all = [pw, k2, kbd, agent, k1] as const;

describe('nextAuth', () => {
  it.each([
    ['first: the agent', [], null, agent],
    ['then key files in the order given', ['agent:/run/agent'], ['publickey', 'password'], k2],
    ['then the other key', ['agent:/run/agent', 'key:/k/two'], ['publickey', 'password'], k1],
    [
      'then keyboard-interactive if offered',
      ['agent:/run/agent', 'key:/k/two', 'key:/k/one'],
      ['publickey', 'keyboard-interactive', 'password'],
      kbd,
    ],
    ['skips what the server no longer offers', ['agent:/run/agent'], ['password'], pw],
    [
      'nothing left',
      ['agent:/run/agent', 'key:/k/two', 'key:/k/one', 'keyboard-interactive', 'password'],
      ['password'],
      null,
    ],
    ['server offers nothing we have', [], ['gssapi-with-mic'], null],
  ] as const)('%s', (_n, tried, left, want) => {
    expect(nextAuth(all, new Set(tried), left)).toEqual(want);
  });

  it('ids are stable per candidate', () => {
    expect(all.map(candidateId)).toEqual([
      'password',
      'key:/k/two',
      'keyboard-interactive',
      'agent:/run/agent',
      'key:/k/one',
    ]);
  });
});

describe('keyTypeOf', () => {
  it('reads the type string at the start of a key blob', () => {
    const blob = Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.alloc(36)]);
    expect(keyTypeOf(blob)).toBe('ssh-ed25519');
    expect(keyTypeOf(Buffer.from([1, 2]))).toBe('unknown');
  });
});
