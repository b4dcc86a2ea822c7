import { describe, expect, it } from 'vitest';
import type { SiteProfile } from '../../../shared/siteProfile';
import { resolveTerminalTarget, type TargetEnv } from './resolveTarget';

const env: TargetEnv = {
  home: '/home/ops',
  localUser: 'ops',
  agentSocket: '/run/agent.sock',
  sshConfigText: 'Host lab\n  HostName 10.9.9.9\n  User labuser\n  ProxyJump j1,j2:2022\n',
};
const site: SiteProfile = {
  id: 'eu-fra-1',
  name: 'Frankfurt 1',
  city: 'Frankfurt',
  country: 'DE',
  lat: 50,
  lon: 8,
  telemetry: { kind: 'dcgm', endpoints: [{ hostname: 'n1', url: 'http://x/metrics' }] },
  bastion: {
    host: 'bastion.fra1',
    port: 2222,
    nodePort: 22,
    user: 'gpuops',
    auth: { kind: 'key', keyFile: '/keys/fra1' },
    hostKeys: ['SHA256:' + 'A'.repeat(43)],
  },
};

describe('resolveTerminalTarget', () => {
  it('a node goes through its site bastion with the pinned keys', () => {
    const r = resolveTerminalTarget(
      { kind: 'node', siteId: 'eu-fra-1', hostname: 'fra1-gpu-007' },
      [site],
      env,
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        title: 'Frankfurt 1 / fra1-gpu-007 (gpuops)',
        target: 'eu-fra-1/fra1-gpu-007',
        hops: [
          {
            host: 'bastion.fra1',
            port: 2222,
            user: 'gpuops',
            auth: [{ kind: 'key', path: '/keys/fra1' }],
            pinned: site.bastion!.hostKeys,
          },
          { host: 'fra1-gpu-007', port: 22, user: 'gpuops' },
        ],
      },
    });
  });

  it('an unknown site is NOT_FOUND; an agent bastion without an agent says so', () => {
    expect(resolveTerminalTarget({ kind: 'node', siteId: 'x', hostname: 'n' }, [site], env)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const agentSite = { ...site, bastion: { ...site.bastion!, auth: { kind: 'agent' as const } } };
    expect(
      resolveTerminalTarget({ kind: 'node', siteId: 'eu-fra-1', hostname: 'n' }, [agentSite], {
        ...env,
        agentSocket: undefined,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFIG_INVALID', message: expect.stringContaining('SSH_AUTH_SOCK') },
    });
  });

  it('a host alias follows ~/.ssh/config, ProxyJump chain included', () => {
    const r = resolveTerminalTarget({ kind: 'host', host: 'lab' }, [], env);
    expect(r.ok && r.value.hops.map((h) => `${h.user}@${h.host}:${h.port}`)).toEqual([
      'ops@j1:22',
      'ops@j2:2022',
      'labuser@10.9.9.9:22',
    ]);
    expect(r.ok && r.value.hops[0]!.auth.map((a) => a.kind)).toEqual([
      'agent',
      'key',
      'key',
      'key',
      'keyboard-interactive',
      'password',
    ]);
  });
});
