import { join } from 'node:path';
import { readStringRecord, writeFileAtomic } from './atomicFile';

/**
 * Where tokens and passwords live, by name; site profiles hold only the name. The desktop app backs
 * this with Electron safeStorage (main/), served mode with a 0600 file in the config directory.
 * Values are never logged, never returned to the renderer, never exported.
 */
export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  names(): Promise<string[]>;
}

/**
 * A SecretStore over one JSON file of (possibly encoded) values, written atomically with mode 0600.
 * `encode`/`decode` let the desktop app keep safeStorage-encrypted values in the same shape.
 */
export class FileSecretStore implements SecretStore {
  constructor(
    private readonly dir: string,
    private readonly fileName = 'secrets.json',
    private readonly codec: { encode(v: string): string; decode(v: string): string } = {
      encode: (v) => v,
      decode: (v) => v,
    },
  ) {}

  private get path() {
    return join(this.dir, this.fileName);
  }

  async get(name: string) {
    const v = (await readStringRecord(this.path))[name];
    return v === undefined ? undefined : this.codec.decode(v);
  }
  async set(name: string, value: string) {
    const all = await readStringRecord(this.path);
    await writeFileAtomic(this.path, JSON.stringify({ ...all, [name]: this.codec.encode(value) }));
  }
  async delete(name: string) {
    const all = await readStringRecord(this.path);
    delete all[name];
    await writeFileAtomic(this.path, JSON.stringify(all));
  }
  async names() {
    return Object.keys(await readStringRecord(this.path));
  }
}
