import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

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

const FileSchema = z.record(z.string(), z.string());

/** Served mode: `secrets.json`, mode 0600, written to a temp file then renamed (never half-written). */
export class FileSecretStore implements SecretStore {
  constructor(private readonly dir: string) {}

  private get path() {
    return join(this.dir, 'secrets.json');
  }

  private async read(): Promise<Record<string, string>> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data : {};
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
    return (await this.read())[name];
  }
  async set(name: string, value: string) {
    await this.write({ ...(await this.read()), [name]: value });
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
