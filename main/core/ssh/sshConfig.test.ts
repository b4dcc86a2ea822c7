import { describe, expect, it } from 'vitest';
import { parseHostSpec, parseSshConfig, resolveSshHost } from './sshConfig';

const env = { home: '/home/ops', localUser: 'ops' };
const cfg = parseSshConfig(`
# fleet
Host fra1-*
  User gpuops
  ProxyJump jump@bastion.fra1.example:2222
  IdentityFile ~/.ssh/fra1_ed25519

Host fra1-gpu-013
  HostName 10.1.0.13
  Port 2200

Host bastion.*
  User jump

Host *.internal !skip.internal
  ProxyJump a.example,b@b.example:2022

Match host foo
  User nobody

Host *
  IdentityFile %d/.ssh/id_ed25519
  User fallback
`);

describe('ssh config', () => {
  it('first value wins across matching blocks, as in ssh', () => {
    expect(resolveSshHost(cfg, 'fra1-gpu-013', env)).toEqual({
      alias: 'fra1-gpu-013',
      host: '10.1.0.13',
      port: 2200,
      user: 'gpuops',
      identityFiles: ['/home/ops/.ssh/fra1_ed25519', '/home/ops/.ssh/id_ed25519'],
      jumps: [{ host: 'bastion.fra1.example', port: 2222, user: 'jump' }],
    });
  });

  it('reads multi-hop ProxyJump chains and negated patterns', () => {
    expect(resolveSshHost(cfg, 'x.internal', env).jumps).toEqual([
      { host: 'a.example', port: 22, user: null },
      { host: 'b.example', port: 2022, user: 'b' },
    ]);
    expect(resolveSshHost(cfg, 'skip.internal', env).jumps).toEqual([]);
  });

  it('falls back to the alias and the Host * defaults', () => {
    expect(resolveSshHost(cfg, 'plain', env)).toMatchObject({ host: 'plain', port: 22, user: 'fallback' });
  });

  it('says which lines it does not follow', () => {
    expect(cfg.ignored).toEqual(['line 18: Match is not supported by Fleet Console']);
  });

  it.each([
    ['host', { host: 'host', port: 22, user: null }],
    ['u@host:2022', { host: 'host', port: 2022, user: 'u' }],
    ['[::1]:2200', { host: '::1', port: 2200, user: null }],
  ])('parseHostSpec(%s)', (spec, want) => expect(parseHostSpec(spec)).toEqual(want));
});
