import { createServer, type Server as TcpServer, type Socket } from 'node:net';
import { Server, type Connection } from 'ssh2';
import { err, ok, type Result } from '../../../../shared/result';
import type { SimNode, SimSite } from '../fleetLayout';
import type { SimFleet } from '../simFleet';
import { handleSession, motdFor, type NodeShellContext } from './nodeSession';
import { refuseChannel } from './refuseChannel';
import { authMethods, handleAuth, parseAuthorizedKeys, type AuthPolicy } from './simAuth';
import { deriveHostKey, type SimHostKey } from './simHostKey';

/**
 * SSH for the simulated fleet, shaped like a real site: each site has a bastion on loopback that
 * only forwards (`direct-tcpip`) to its own nodes' port 22, and each node is a separate SSH server
 * with its own host key, reached through that channel — a real jump, as `ssh -J` or the console's
 * jump chain makes it. The nodes are never listening on a port of their own.
 */

export interface SimSshOptions {
  /** OpenSSH public key lines accepted for any user, on bastions and nodes. */
  authorizedKeys?: readonly string[];
  /** A password accepted for any user (password and keyboard-interactive). */
  password?: string;
  host?: string;
  /** First port; site i listens on basePort + i. 0 or absent = any free port per site. */
  basePort?: number;
  /** Longest `sleep` a node honours, seconds (default 30). */
  maxSleepS?: number;
  /** Programs a node has beyond the shell's built-ins (the controller's scontrol), by site and node. */
  programs?: (siteId: string, hostname: string) => NodeShellContext['programs'];
  /** Text a node shows above its first prompt instead of the usual MOTD (tests feed hostile banners). */
  motd?: (siteId: string, hostname: string) => string | undefined;
}

export interface SimSshSite {
  siteId: string;
  host: string;
  port: number;
  /** OpenSSH public key line of the bastion, and its `SHA256:` fingerprint for the site's pins. */
  bastionHostKey: string;
  bastionFingerprint: string;
  /** By node hostname (the name the bastion forwards to, on port 22). */
  nodeHostKeys: Record<string, string>;
  nodeFingerprints: Record<string, string>;
}

export interface RunningSimSsh {
  sites: SimSshSite[];
  stop(): Promise<void>;
}

// What Ubuntu 22.04's sshd announces, so the console shows a believable server version.
const IDENT = 'OpenSSH_8.9p1 Ubuntu-3ubuntu0.10';
const DAY_S = 86400;

/** A node has been up between 2 and 90 days when the simulator starts, fixed per node. */
function bootMsOf(node: SimNode, startMs: number): number {
  return startMs - (2 * DAY_S + (node.key % (88 * DAY_S))) * 1000;
}

function listen(server: TcpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

const ignore = () => {};

class SiteSsh {
  readonly sockets = new Set<Socket>();
  readonly tcp: TcpServer;
  private readonly bastion: Server;
  private readonly nodeServers = new Map<string, Server>();
  private readonly byHost: Map<string, SimNode>;
  private readonly sessions = new Map<string, number>();
  readonly bastionKey: SimHostKey;
  readonly nodeKeys: Map<string, SimHostKey>;

  constructor(
    private readonly fleet: SimFleet,
    private readonly site: SimSite,
    private readonly policy: AuthPolicy,
    private readonly startMs: number,
    private readonly maxSleepS: number,
    private readonly programs?: SimSshOptions['programs'],
    private readonly motd?: SimSshOptions['motd'],
  ) {
    const seed = fleet.layout.seed;
    this.byHost = new Map(site.nodes.map((n) => [n.hostname.toLowerCase(), n]));
    this.bastionKey = deriveHostKey(seed, `${site.id}/bastion`);
    this.nodeKeys = new Map(
      site.nodes.map((n) => [n.hostname, deriveHostKey(seed, `${site.id}/${n.hostname}`)]),
    );
    this.bastion = new Server({ hostKeys: [this.bastionKey.privateKey], ident: IDENT }, (conn) =>
      this.onBastionConnection(conn),
    );
    this.tcp = createServer((sock) => this.onSocket(sock));
  }

  /** Site faults act where a real outage would: before SSH starts. */
  private onSocket(sock: Socket): void {
    this.sockets.add(sock);
    sock.on('close', () => this.sockets.delete(sock));
    sock.on('error', ignore);
    const fault = this.fleet.fault(this.site.id);
    if (fault === 'down') return void sock.destroy();
    if (fault === 'hang') return; // accepts, never speaks: the client's handshake timeout must fire
    if (fault === 'garbage') return void sock.end('HTTP/1.1 502 Bad Gateway\r\n\r\n<html>oops');
    this.bastion.injectSocket(sock);
  }

  private onBastionConnection(conn: Connection): void {
    conn.on('error', ignore); // a client that drops mid-handshake is not the simulator's problem
    conn.on('authentication', (ctx) => handleAuth(ctx, this.policy));
    conn.on('session', (_accept, reject) =>
      refuseChannel(
        conn,
        reject,
        `${this.site.id} bastion: no shell here; jump through it to a node (ssh -J)`,
      ),
    );
    conn.on('tcpip', (accept, reject, info) => {
      const node = this.byHost.get(info.destIP.toLowerCase());
      if (!node)
        return refuseChannel(
          conn,
          reject,
          `${info.destIP}:${info.destPort} is not a node of site ${this.site.id}; this bastion forwards only to ${this.site.id}'s nodes`,
        );
      if (info.destPort !== 22)
        return refuseChannel(
          conn,
          reject,
          `${node.hostname}:${info.destPort}: this bastion forwards only to port 22 of ${this.site.id}'s nodes`,
        );
      // The channel is a Duplex with everything ssh2's server uses of a socket (data, write, end,
      // pause/resume); remoteAddress and friends are only reported, so undefined is harmless.
      this.nodeServer(node).injectSocket(accept() as unknown as Socket);
    });
  }

  private nodeServer(node: SimNode): Server {
    let srv = this.nodeServers.get(node.hostname);
    if (srv) return srv;
    const shell: NodeShellContext = {
      hostname: node.hostname,
      bootMs: bootMsOf(node, this.startMs),
      nowMs: () => this.fleet.now(),
      users: () => this.sessions.get(node.hostname) ?? 0,
      maxSleepS: this.maxSleepS,
      programs: this.programs?.(this.site.id, node.hostname),
      gpus: (atMs) => {
        const t = Math.floor(atMs / 1000);
        return {
          node,
          frames: this.fleet.frames(this.site, node, t),
          jobs: this.fleet.jobs(this.site, node, t),
          atMs,
        };
      },
    };
    const hooks = {
      motd:
        this.motd?.(this.site.id, node.hostname) ??
        motdFor(node.hostname, `${node.gpus.length}x ${node.model.modelName}, site ${this.site.name}`),
      opened: () => {
        this.sessions.set(node.hostname, (this.sessions.get(node.hostname) ?? 0) + 1);
        return () => this.sessions.set(node.hostname, (this.sessions.get(node.hostname) ?? 1) - 1);
      },
    };
    srv = new Server({ hostKeys: [this.nodeKeys.get(node.hostname)!.privateKey], ident: IDENT }, (conn) => {
      let user = '';
      conn.on('error', ignore);
      conn.on('authentication', (ctx) => {
        user = ctx.username;
        handleAuth(ctx, this.policy);
      });
      conn.on('session', (accept) => handleSession(accept, user, shell, hooks));
    });
    this.nodeServers.set(node.hostname, srv);
    return srv;
  }

  describe(host: string, port: number): SimSshSite {
    const keys = [...this.nodeKeys];
    return {
      siteId: this.site.id,
      host,
      port,
      bastionHostKey: this.bastionKey.publicLine,
      bastionFingerprint: this.bastionKey.fingerprint,
      nodeHostKeys: Object.fromEntries(keys.map(([h, k]) => [h, k.publicLine])),
      nodeFingerprints: Object.fromEntries(keys.map(([h, k]) => [h, k.fingerprint])),
    };
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.tcp.close(() => resolve()));
  }
}

/** Starts one bastion per simulated site. Fails (as a value) on unreadable keys, no way to log in, or a busy port. */
export async function startSimSsh(fleet: SimFleet, opts: SimSshOptions = {}): Promise<Result<RunningSimSsh>> {
  const keys = parseAuthorizedKeys(opts.authorizedKeys ?? []);
  if (!keys.ok) return keys;
  const policy: AuthPolicy = { keys: keys.value, password: opts.password ?? null };
  if (authMethods(policy).length === 0)
    return err(
      'CONFIG_INVALID',
      'The simulated SSH servers need an authorized key or a password to let anyone in.',
    );
  const host = opts.host ?? '127.0.0.1';
  const startMs = fleet.now();
  const running: SiteSsh[] = [];
  const sites: SimSshSite[] = [];
  const stop = async () => {
    await Promise.all(running.map((s) => s.stop()));
  };
  for (const [i, site] of fleet.sites.entries()) {
    const s = new SiteSsh(fleet, site, policy, startMs, opts.maxSleepS ?? 30, opts.programs, opts.motd);
    running.push(s);
    try {
      const port = await listen(s.tcp, opts.basePort ? opts.basePort + i : 0, host);
      sites.push(s.describe(host, port));
    } catch (e) {
      await stop();
      return err(
        'UNAVAILABLE',
        `The simulated bastion of ${site.id} could not listen on ${host}: ${(e as Error).message}`,
      );
    }
  }
  return ok({ sites, stop });
}
