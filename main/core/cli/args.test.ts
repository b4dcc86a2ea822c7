import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serveArgs';
import { parseSimArgs } from './simArgs';

describe('parseServeArgs', () => {
  it('defaults to loopback port 7380 every 5 s', () => {
    expect(parseServeArgs([])).toMatchObject({
      ok: true,
      value: { port: 7380, host: '127.0.0.1', intervalMs: 5000 },
    });
  });
  it('takes --port 0 and --config', () => {
    expect(parseServeArgs(['--port', '0', '--config', '/tmp/x'])).toMatchObject({
      ok: true,
      value: { port: 0, configDir: '/tmp/x' },
    });
  });
  it.each([
    [['--port', '70000'], '--port'],
    [['--port', 'abc'], '--port'],
    [['--interval-ms', '5'], '--interval-ms'],
    [['--host', '192.168.1.5'], '--allow-remote'],
    [['--host', '0.0.0.0', '--allow-remote'], 'specific address'],
    [['--bogus'], 'bogus'],
  ])('%j is refused naming %s', (argv, words) => {
    const r = parseServeArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });
  it('binds another address only with --allow-remote', () => {
    expect(parseServeArgs(['--host', '192.168.1.5', '--allow-remote'])).toMatchObject({
      ok: true,
      value: { allowRemote: true },
    });
  });
});

describe('parseSimArgs', () => {
  it('takes a count or a range of nodes per site', () => {
    expect(parseSimArgs(['--sites', '500', '--nodes-per-site', '40', '--seed', '9'])).toEqual({
      ok: true,
      value: { sites: 500, nodesPerSite: 40, seed: 9, basePort: 0, keyDir: undefined },
    });
    expect(parseSimArgs([])).toMatchObject({
      ok: true,
      value: { sites: 24, nodesPerSite: [4, 32], seed: 42 },
    });
  });
  it.each([
    [['--sites', '0'], '--sites'],
    [['--nodes-per-site', '9-3'], '--nodes-per-site'],
    [['--seed', 'x'], '--seed'],
    [['--sites', '10', '--base-port', '65530'], '--base-port'],
  ])('%j is refused naming %s', (argv, words) => {
    const r = parseSimArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });
});
