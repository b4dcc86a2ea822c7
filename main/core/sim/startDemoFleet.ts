import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { utils } from 'ssh2';
import type { SiteProfile } from '../../../shared/siteProfile';
import { err, ok, type Result } from '../../../shared/result';
import type { LayoutOptions } from './fleetLayout';
import { SimFleet } from './simFleet';
import { startSimServers, type RunningSim } from './simServer';
import { SimScontrol } from './simScontrol';
import { startSimSsh, type RunningSimSsh } from './ssh/simSshServer';

export interface DemoFleet {
  fleet: SimFleet;
  servers: RunningSim;
  ssh: RunningSimSsh;
  /** Site profiles of the simulated sites: dcgm endpoints, and a bastion with pinned host keys. */
  profiles: SiteProfile[];
  /** The private key the console logs in to the simulated nodes with. */
  keyFile: string;
  /** Secrets the demo profiles name (each simulated slurmrestd's token), kept in memory only. */
  secrets: Record<string, string>;
  stop(): Promise<void>;
}

/** The console's own key for the simulated fleet, made once and kept (0600) in `dir`. */
async function demoKey(dir: string): Promise<{ keyFile: string; publicKey: string }> {
  const keyFile = join(dir, 'demo_ed25519');
  if (!existsSync(keyFile) || !existsSync(`${keyFile}.pub`)) {
    const pair = utils.generateKeyPairSync('ed25519', { comment: 'fleet-console-demo' });
    await writeFile(keyFile, pair.private, { mode: 0o600 });
    await writeFile(`${keyFile}.pub`, pair.public + '\n', { mode: 0o644 });
  }
  return { keyFile, publicKey: (await readFile(`${keyFile}.pub`, 'utf8')).trim() };
}

/**
 * The simulated fleet as real sites look: dcgm-exporter on every node, and each site's bastion
 * (SSH) in front of its nodes' shells, with host keys pinned in the profiles like an inventory would.
 */
export async function startDemoFleet(
  layout: LayoutOptions,
  opts: { keyDir: string; now?: () => number; basePort?: number; sshBasePort?: number },
): Promise<Result<DemoFleet>> {
  const fleet = new SimFleet(layout, opts.now);
  const servers = await startSimServers(fleet, { basePort: opts.basePort });
  const { keyFile, publicKey } = await demoKey(opts.keyDir);
  // Each site's first node is its Slurm controller: `scontrol` there acts on the simulated cluster.
  const controllers = new Map(fleet.sites.map((s) => [s.id, s.nodes[0]!.hostname]));
  const ssh = await startSimSsh(fleet, {
    authorizedKeys: [publicKey],
    basePort: opts.sshBasePort,
    programs: (siteId, hostname) => {
      if (controllers.get(siteId) !== hostname) return undefined;
      const scontrol = new SimScontrol(fleet, siteId);
      return (argv) => (/(^|\/)scontrol$/.test(argv[0] ?? '') ? scontrol.run(argv) : null);
    },
  });
  if (!ssh.ok) {
    await servers.stop();
    return ssh;
  }
  const profiles: SiteProfile[] = [];
  const secrets: Record<string, string> = {};
  for (const s of servers.manifest.sites) {
    const sched = servers.manifest.schedulers.find((x) => x.siteId === s.id);
    const b = ssh.value.sites.find((x) => x.siteId === s.id);
    if (!b) {
      await Promise.all([servers.stop(), ssh.value.stop()]);
      return err('INTERNAL', `the simulated bastion of ${s.id} did not start`);
    }
    profiles.push({
      ...s,
      bastion: {
        host: b.host,
        port: b.port,
        nodePort: 22,
        user: 'ops',
        auth: { kind: 'key', keyFile },
        hostKeys: [b.bastionFingerprint, ...Object.values(b.nodeFingerprints)],
      },
      ...(sched
        ? {
            scheduler: {
              kind: 'slurm' as const,
              url: sched.url,
              user: sched.user,
              tokenSecret: `${s.id}/slurm-token`,
              scontrol: { via: 'ssh' as const, host: controllers.get(s.id)! },
            },
          }
        : {}),
    });
    if (sched) secrets[`${s.id}/slurm-token`] = sched.token;
  }
  return ok({
    fleet,
    servers,
    ssh: ssh.value,
    profiles,
    keyFile,
    secrets,
    stop: async () => {
      await Promise.all([servers.stop(), ssh.value.stop()]);
    },
  });
}
