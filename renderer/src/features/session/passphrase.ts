/** Same minimum as the contract's PassphraseSchema (shared/session.ts); checked here to answer at once. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** What is wrong with a new passphrase and its repetition, in words; null when it may be sent. */
export function newPassphraseProblem(next: string, repeat: string): string | null {
  if (next.length === 0) return 'Enter a new passphrase.';
  if (next.length < MIN_PASSPHRASE_LENGTH)
    return `Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${next.length}).`;
  if (next !== repeat) return 'The two passphrases differ: type the same one twice.';
  return null;
}
