/**
 * The desktop app's secret store: each value encrypted with Electron safeStorage (the OS keychain:
 * Keychain, DPAPI, libsecret/kwallet) and kept as base64 in a 0600 file in userData. If the OS
 * offers no encryption (a bare Linux session without a keyring), it refuses to store rather than
 * silently writing plain text.
 */
import { safeStorage } from 'electron';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from './core/config/secretStore';

export class SafeStorageSecrets implements SecretStore {
  constructor(private readonly dir: string) {}

  private get path() {
    return join(this.dir, 'secrets.safe.json');
  }

  private async read(): Promise<Record<string, string>> {
    try {
      const raw = JSON.parse(await readFile(this.path, 'utf8')) as unknown;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
      return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >;
    } catch {
      return {};
    }
  }

  private async write(all: Record<string, string>): Promise<void> {
    const tmp = `${this.path}.tmp`;
    await writeFile(tmp, JSON.stringify(all), { mode: 0o600, flush: true });
    await rename(tmp, this.path);
  }

  async get(name: string) {
    const enc = (await this.read())[name];
    return enc === undefined ? undefined : safeStorage.decryptString(Buffer.from(enc, 'base64'));
  }

  async set(name: string, value: string) {
    if (!safeStorage.isEncryptionAvailable())
      throw new Error('This system offers no secure storage (no keyring): the secret was not saved.');
    await this.write({ ...(await this.read()), [name]: safeStorage.encryptString(value).toString('base64') });
  }

  async delete(name: string) {
    const all = await this.read();
    delete all[name];
    await this.write(all);
  }

  async names() {
    return Object.keys(await this.read());
  }
}
