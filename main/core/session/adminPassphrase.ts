import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../config/atomicFile';

/**
 * The admin passphrase, kept only as a slow hash (scrypt, N=2^15, r=8, p=1: ~0.1 s per try here)
 * in a 0600 file in the config directory, written then renamed so a crash never leaves half a file.
 */
const FILE = 'admin-passphrase.json';
const StoredSchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  hash: z.string(),
});
type Stored = z.infer<typeof StoredSchema>;
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };

function derive(
  passphrase: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFKC'),
      salt,
      32,
      { ...params, maxmem: 128 * params.N * params.r * 2 },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  );
}

export class AdminPassphrase {
  private stored: Stored | null = null;
  private failures = 0;

  private constructor(private readonly dir: string) {}

  static async load(dir: string): Promise<AdminPassphrase> {
    const a = new AdminPassphrase(dir);
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(await readFile(join(dir, FILE), 'utf8')));
      if (parsed.success) a.stored = parsed.data;
    } catch {
      // none yet: first run
    }
    return a;
  }

  get isSet(): boolean {
    return this.stored !== null;
  }

  async set(passphrase: string): Promise<void> {
    const salt = randomBytes(16);
    const hash = await derive(passphrase, salt, PARAMS);
    const stored: Stored = {
      kdf: 'scrypt',
      ...PARAMS,
      salt: salt.toString('base64'),
      hash: hash.toString('base64'),
    };
    await writeFileAtomic(join(this.dir, FILE), JSON.stringify(stored));
    this.stored = stored;
  }

  /** Wrong guesses wait longer each time (up to 5 s), on top of scrypt's own cost. */
  async verify(passphrase: string): Promise<boolean> {
    if (!this.stored) return false;
    const s = this.stored;
    const key = await derive(passphrase, Buffer.from(s.salt, 'base64'), s);
    const expected = Buffer.from(s.hash, 'base64');
    const ok = key.length === expected.length && timingSafeEqual(key, expected);
    if (ok) this.failures = 0;
    else {
      this.failures++;
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** Math.min(this.failures - 1, 5))));
    }
    return ok;
  }
}
