import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintSlurmJwt } from '../../main/core/adapters/slurm/slurmJwt';
import { freePort } from './prometheusServer';

/**
 * A real Slurm 22.05 (Debian 12 packages) on one host for the integration tests: munged +
 * slurmctld + one slurmd per fake node (each with 8 fake GPUs) + slurmrestd with JWT, every file
 * under a fresh temp dir and every port picked free, so it never meets another cluster on the
 * machine. Daemons run in the foreground (-D/-F) as our own children, so they are stopped by the
 * PIDs we hold. Needs root: slurmd runs jobs as their users, and slurmrestd/munged are dropped to
 * their own users with setpriv (slurmrestd refuses to run as root).
 *
 * Adapted from the project's Slurm recipe; the facts that cost time are in comments where they bite.
 */
export interface SlurmClusterOptions {
  nodes?: number;
  gpusPerNode?: number;
  gpuType?: string;
}

export interface RunningSlurm {
  root: string;
  restUrl: string;
  nodeNames: string[];
  /** The daemons' slurm.conf (munge). */
  slurmConf: string;
  /** A client slurm.conf whose munge socket does not exist: scontrol must authenticate by JWT alone. */
  clientConf: string;
  /** An HS256 token for `user` signed with the cluster's jwt_key. */
  token(user?: string, lifetimeS?: number): string;
  /** Runs a Slurm CLI as root against the cluster (munge), for checking answers independently. */
  cli(cmd: string, args: string[]): Promise<string>;
  killRestd(): Promise<void>;
  /** Starts slurmrestd again on the same port (after killRestd), resolving when it answers. */
  startRestd(): Promise<void>;
  /** slurmrestd's PID (setpriv execs it, so the child's PID is the daemon's), for SIGSTOP/SIGCONT. */
  restdPid(): number | null;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A child killed by a signal keeps exitCode null: look at both. */
const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

function idOf(user: string): { uid: number; gid: number } {
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  const line = passwd.find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`user "${user}" does not exist (it comes with the ${user} package)`);
  const f = line.split(':');
  return { uid: Number(f[2]), gid: Number(f[3]) };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { env, timeout: 15_000 }, (e, stdout, stderr) =>
      e ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || e.message}`)) : resolve(stdout),
    ),
  );
}

async function waitFor(what: string, probe: () => Promise<boolean>, ms: number, log: () => string) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} not ready within ${ms} ms\n${log()}`);
}

export function slurmConfText(o: {
  root: string;
  ctldPort: number;
  nodePorts: number[];
  gpusPerNode: number;
  gpuType: string;
}): string {
  const r = o.root;
  const nodes = o.nodePorts.map(
    (port, i) =>
      `NodeName=gpu${i + 1} NodeHostname=localhost NodeAddr=127.0.0.1 Port=${port} CPUs=16 Boards=1 ` +
      `SocketsPerBoard=2 CoresPerSocket=8 ThreadsPerCore=1 RealMemory=64000 ` +
      `Gres=gpu:${o.gpuType}:${o.gpusPerNode} State=UNKNOWN`,
  );
  return [
    'ClusterName=fleet',
    'SlurmctldHost=localhost',
    'SlurmUser=root',
    'SlurmdUser=root',
    `SlurmctldPort=${o.ctldPort}`,
    'AuthType=auth/munge',
    // cred_expire=10: a requeued job may not start for cred_expire+1 s; the adapter's begin_time=now
    // update skips that wait, and the short value keeps a forgotten update from hanging the test.
    `AuthInfo=socket=${r}/munge/munge.socket.2,cred_expire=10`,
    'CredType=cred/munge',
    'AuthAltTypes=auth/jwt',
    `AuthAltParameters=jwt_key=${r}/jwt.key`,
    `StateSaveLocation=${r}/state`,
    `SlurmdSpoolDir=${r}/spool/%n`,
    `SlurmctldPidFile=${r}/run/slurmctld.pid`,
    `SlurmdPidFile=${r}/run/slurmd-%n.pid`,
    `SlurmctldLogFile=${r}/log/slurmctld.log`,
    `SlurmdLogFile=${r}/log/slurmd-%n.log`,
    'SlurmctldDebug=info',
    'SlurmdDebug=info',
    `PlugStackConfig=${r}/etc/plugstack.conf`,
    'MailProg=/bin/true',
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'JobCompType=jobcomp/none',
    'MpiDefault=none',
    'SwitchType=switch/none',
    'SchedulerType=sched/backfill',
    'SchedulerParameters=bf_interval=1,sched_interval=5',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    // Several slurmd on one host, each with its own node name, port and spool (%n).
    'SlurmdParameters=config_overrides',
    'GresTypes=gpu',
    // 1, not 2: with 2 an admin's DOWN does not stick.
    'ReturnToService=1',
    'JobRequeue=1',
    'SlurmctldTimeout=30',
    'SlurmdTimeout=30',
    'InactiveLimit=0',
    'MinJobAge=300',
    'KillWait=2',
    'Waittime=0',
    ...nodes,
    'PartitionName=gpu Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO',
    '',
  ].join('\n');
}

/** auth_jwt.so ships in slurm-wlm-jwt-plugin, only a Recommends of slurmctld: say so rather than time out. */
function requireJwtPlugin(): void {
  const dirs = [
    '/usr/lib/x86_64-linux-gnu/slurm-wlm',
    '/usr/lib/aarch64-linux-gnu/slurm-wlm',
    '/usr/lib/slurm-wlm',
  ];
  if (!dirs.some((d) => existsSync(join(d, 'auth_jwt.so'))))
    throw new Error('auth_jwt.so not found: apt-get install slurm-wlm-jwt-plugin (Slurm JWT auth)');
}

export async function startSlurmCluster(opts: SlurmClusterOptions = {}): Promise<RunningSlurm> {
  requireJwtPlugin();
  const nodeCount = opts.nodes ?? 4;
  const gpus = opts.gpusPerNode ?? 8;
  const gpuType = opts.gpuType ?? 'h200';
  const root = mkdtempSync(join(tmpdir(), 'fc-slurm-'));
  chmodSync(root, 0o755); // slurmrestd runs as `slurm` and must read etc/slurm.conf
  for (const d of ['etc', 'state', 'log', 'run', 'dev', 'munge/key', 'client'])
    mkdirSync(join(root, d), { recursive: true });
  const jobsDir = join(root, 'jobs');
  mkdirSync(jobsDir, { mode: 0o1777 });
  chmodSync(jobsDir, 0o1777);
  const nodeNames = Array.from({ length: nodeCount }, (_, i) => `gpu${i + 1}`);
  for (const n of nodeNames) mkdirSync(join(root, 'spool', n), { recursive: true });

  const children: ChildProcess[] = [];
  const logFd = openSync(join(root, 'log', 'daemons.out'), 'a');
  const daemonLog = () => {
    try {
      return ['daemons.out', 'slurmctld.log', 'slurmrestd.out']
        .map((f) => {
          try {
            return `--- ${f}\n${readFileSync(join(root, 'log', f), 'utf8').slice(-3000)}`;
          } catch {
            return '';
          }
        })
        .join('\n');
    } catch {
      return '';
    }
  };
  const daemon = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, out = logFd) => {
    const c = spawn(cmd, args, { stdio: ['ignore', out, out], env });
    children.push(c);
    return c;
  };

  const slurmConf = join(root, 'etc', 'slurm.conf');
  const clientConf = join(root, 'client', 'slurm.conf');
  const env = { ...process.env, SLURM_CONF: slurmConf };
  let restd: ChildProcess | null = null;
  let munged: ChildProcess | null = null;

  const stop = async () => {
    if (restd && alive(restd)) {
      const gone = new Promise((r) => restd!.once('exit', r));
      restd.kill('SIGCONT'); // in case a test left it stopped
      restd.kill('SIGTERM');
      await gone;
    }
    // Cancel every job first: job steps run under slurmstepd, which outlives a stopped slurmd.
    try {
      const ids = (await run('squeue', ['-h', '-o', '%i'], env)).split(/\s+/).filter(Boolean);
      if (ids.length) await run('scancel', ['--full', ...ids], env);
      for (let i = 0; i < 50; i++) {
        if (!(await run('squeue', ['-h', '-o', '%i'], env)).trim()) break;
        await sleep(100);
      }
      await run('scontrol', ['shutdown'], env); // slurmctld and every registered slurmd
    } catch {
      // the controller is already gone; the PIDs below still end what is left
    }
    // Each daemon gets 5 s to obey the shutdown RPC, then SIGTERM by its PID; munged takes no part in
    // Slurm's shutdown, so it goes last, by its PID.
    const end = async (c: ChildProcess, graceMs: number) => {
      if (!alive(c)) return;
      const gone = new Promise((r) => c.once('exit', r));
      const t = setTimeout(() => c.kill('SIGTERM'), graceMs);
      await gone;
      clearTimeout(t);
    };
    await Promise.all(children.filter((c) => c !== munged).map((c) => end(c, 5000)));
    if (munged) await end(munged, 0);
    closeSync(logFd);
    rmSync(root, { recursive: true, force: true });
  };

  try {
    // Fake GPU device files: 22.05 drops File-less GPUs and rejects regular files ("not a valid
    // character or block device"); a char device cloned from /dev/null works, a symlink too.
    for (let i = 0; i < gpus; i++) {
      const f = join(root, 'dev', `nvidia${i}`);
      try {
        await run('mknod', [f, 'c', '1', '3'], env);
      } catch {
        symlinkSync('/dev/null', f);
      }
    }

    // munged insists: socket dir owned by munge; key dir 0700; key 0400 (at least 32 bytes).
    const munge = idOf('munge');
    const mungeDir = join(root, 'munge');
    const keyFile = join(mungeDir, 'key', 'munge.key');
    writeFileSync(keyFile, randomBytes(1024), { mode: 0o400 });
    for (const p of [mungeDir, join(mungeDir, 'key'), keyFile]) chownSync(p, munge.uid, munge.gid);
    chmodSync(mungeDir, 0o755);
    chmodSync(join(mungeDir, 'key'), 0o700);
    const mungeSocket = join(mungeDir, 'munge.socket.2');
    munged = daemon('setpriv', [
      `--reuid=${munge.uid}`,
      `--regid=${munge.gid}`,
      '--clear-groups',
      '/usr/sbin/munged',
      '--foreground',
      `--socket=${mungeSocket}`,
      `--key-file=${keyFile}`,
      `--pid-file=${join(mungeDir, 'munged.pid')}`,
      `--log-file=${join(mungeDir, 'munged.log')}`,
      `--seed-file=${join(mungeDir, 'key', 'munged.seed')}`,
    ]);
    await waitFor(
      'munged',
      async () => (await run('munge', ['-S', mungeSocket, '-n'], env)).length > 0,
      10_000,
      daemonLog,
    );

    const jwtKey = randomBytes(32);
    writeFileSync(join(root, 'jwt.key'), jwtKey, { mode: 0o600 });

    const ctldPort = await freePort();
    const nodePorts: number[] = [];
    for (const _ of nodeNames) nodePorts.push(await freePort());
    const restPort = await freePort();
    const conf = slurmConfText({ root, ctldPort, nodePorts, gpusPerNode: gpus, gpuType });
    writeFileSync(slurmConf, conf);
    writeFileSync(
      join(root, 'etc', 'gres.conf'),
      `AutoDetect=off\nNodeName=gpu[1-${nodeCount}] Name=gpu Type=${gpuType} File=${root}/dev/nvidia[0-${gpus - 1}]\n`,
    );
    writeFileSync(join(root, 'etc', 'plugstack.conf'), ''); // keep /etc/slurm/plugstack.conf.d out
    // The client side has no munge at all, so scontrol there can only authenticate with SLURM_JWT.
    writeFileSync(
      clientConf,
      conf.replace(/^AuthInfo=.*$/m, 'AuthInfo=socket=/nonexistent/munge.socket.2,cred_expire=10'),
    );
    writeFileSync(join(root, 'client', 'gres.conf'), readFileSync(join(root, 'etc', 'gres.conf')));
    writeFileSync(join(root, 'client', 'plugstack.conf'), '');

    daemon('slurmctld', ['-D', '-f', slurmConf], env);
    await waitFor(
      'slurmctld',
      async () => /is UP/.test(await run('scontrol', ['ping'], env)),
      15_000,
      daemonLog,
    );
    for (const n of nodeNames) daemon('slurmd', ['-D', '-N', n, '-f', slurmConf], env);
    await waitFor(
      `${nodeCount} slurmd`,
      async () =>
        (await run('sinfo', ['-h', '-N', '-o', '%N %T'], env)).split('\n').filter((l) => / idle$/.test(l))
          .length === nodeCount,
      20_000,
      daemonLog,
    );

    // slurmrestd refuses root; SLURM_JWT=daemon is required or every token is rejected; load only the
    // non-dbv plugins (the dbv ones are fatal without slurmdbd).
    const slurm = idOf('slurm');
    const restUrl = `http://127.0.0.1:${restPort}`;
    const token = (user = 'root', lifetimeS = 3600) => mintSlurmJwt(jwtKey, user, lifetimeS);
    const startRestd = async () => {
      const restOut = openSync(join(root, 'log', 'slurmrestd.out'), 'a');
      restd = daemon(
        'setpriv',
        [
          `--reuid=${slurm.uid}`,
          `--regid=${slurm.gid}`,
          '--clear-groups',
          '/usr/sbin/slurmrestd',
          '-f',
          slurmConf,
          '-a',
          'rest_auth/jwt',
          '-s',
          'openapi/v0.0.36,openapi/v0.0.37,openapi/v0.0.38',
          `127.0.0.1:${restPort}`,
        ],
        { ...env, SLURM_JWT: 'daemon' },
        restOut,
      );
      closeSync(restOut);
      await waitFor(
        'slurmrestd',
        async () => {
          const r = await fetch(`${restUrl}/slurm/v0.0.38/ping`, {
            headers: { 'X-SLURM-USER-NAME': 'root', 'X-SLURM-USER-TOKEN': token() },
          });
          return r.status === 200;
        },
        15_000,
        daemonLog,
      );
    };
    await startRestd();

    return {
      root,
      restUrl,
      nodeNames,
      slurmConf,
      clientConf,
      token,
      cli: (cmd, args) => run(cmd, args, env),
      killRestd: async () => {
        if (restd && alive(restd)) {
          const gone = new Promise((r) => restd!.once('exit', r));
          restd.kill('SIGKILL');
          await gone;
        }
      },
      startRestd,
      restdPid: () => (restd && alive(restd) ? (restd.pid ?? null) : null),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
