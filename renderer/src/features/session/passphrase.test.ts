import { describe, expect, it } from 'vitest';
import { PassphraseSchema } from '../../../../shared/session';
import { MIN_PASSPHRASE_LENGTH, newPassphraseProblem } from './passphrase';

describe('newPassphraseProblem', () => {
  it('asks for one, for enough characters, and for the same one twice', () => {
    expect(newPassphraseProblem('', '')).toMatch(/Enter/);
    expect(newPassphraseProblem('short', 'short')).toMatch(/at least 10 characters \(this one has 5\)/);
    expect(newPassphraseProblem('long enough one', 'long enough 0ne')).toMatch(/differ/);
    expect(newPassphraseProblem('long enough one', 'long enough one')).toBeNull();
  });

  it('agrees with the contract on the minimum length', () => {
    const edge = 'x'.repeat(MIN_PASSPHRASE_LENGTH);
    expect(newPassphraseProblem(edge, edge)).toBeNull();
    expect(PassphraseSchema.safeParse(edge).success).toBe(true);
    expect(PassphraseSchema.safeParse(edge.slice(1)).success).toBe(false);
  });
});
