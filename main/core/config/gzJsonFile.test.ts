import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGzJson, saveGzJsonPieces } from './gzJsonFile';

describe('saveGzJsonPieces', () => {
  it('writes pieces that read back as the one document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gz-'));
    const path = join(dir, 'doc.json.gz');
    const sites = Array.from({ length: 300 }, (_, i) => [`s${i}`, { v: i, data: 'x'.repeat(500) }] as const);
    function* pieces() {
      yield '{"version":1,"sites":{';
      for (const [i, [k, v]] of sites.entries())
        yield `${i ? ',' : ''}${JSON.stringify(k)}:${JSON.stringify(v)}`;
      yield '}}';
    }
    await saveGzJsonPieces(path, pieces(), 0);
    const back = await loadGzJson(path);
    expect(back).toEqual({ kind: 'loaded', value: { version: 1, sites: Object.fromEntries(sites) } });
    expect(await readdir(dir)).toEqual(['doc.json.gz']);
  });

  it('lets timers run while a big document is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gz-'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    function* pieces() {
      yield '[';
      for (let i = 0; i < 2000; i++) yield `${i ? ',' : ''}${JSON.stringify({ i, pad: 'y'.repeat(2000) })}`;
      yield ']';
    }
    await saveGzJsonPieces(join(dir, 'big.json.gz'), pieces(), 0);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
  });

  it('keeps the old file whole when producing the new one fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gz-'));
    const path = join(dir, 'doc.json.gz');
    await saveGzJsonPieces(path, [JSON.stringify({ old: true })]);
    function* pieces(): Generator<string> {
      yield '{"new":';
      throw new Error('a site could not be read');
    }
    await expect(saveGzJsonPieces(path, pieces())).rejects.toThrow('a site could not be read');
    expect(await loadGzJson(path)).toEqual({ kind: 'loaded', value: { old: true } });
    expect(await readdir(dir)).toEqual(['doc.json.gz']);
  });

  it('reports a directory it cannot write to, leaving nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gz-'));
    await writeFile(join(dir, 'file'), '');
    await expect(saveGzJsonPieces(join(dir, 'file', 'doc.json.gz'), ['{}'])).rejects.toThrow(/ENOTDIR/);
  });
});
