import { rand01 } from '../prng';
import { runNvidiaSmi, type CommandOutput } from './nvidiaSmiCommand';
import { ctimeUtc, type GpuSnapshot } from './nvidiaSmiText';
import { expandWord, parseCommandLine } from './shellWords';

/**
 * The shell of a simulated node: just enough of an Ubuntu 22.04 login for an operator (or a fleet
 * broadcast) to look around — hostname, uptime, os-release, nvidia-smi, echo, stty, sleep, exit —
 * with bash's messages and exit codes. No I/O here: the caller supplies the clock, the PTY size and
 * the GPU readings, and performs the sleeps this interpreter asks for, so it is tested without SSH.
 */

export interface ShellContext {
  hostname: string;
  user: string;
  /** The PTY's current size, or null for a command run without one (then `stty` fails, as on a real node). */
  tty(): { cols: number; rows: number } | null;
  nowMs(): number;
  bootMs: number;
  /** Sessions logged in on the node, for `uptime`. */
  users(): number;
  /** The node's GPUs at an instant, ms since the epoch (the simulator's ground truth for that second). */
  gpus(atMs: number): GpuSnapshot;
  /** Longest `sleep` honoured, seconds; longer ones are cut to this so a stray command cannot hold a session. */
  maxSleepS?: number;
  /**
   * Programs installed on this node beyond the built-ins (the site controller's `scontrol`): null
   * when `argv[0]` is not one of them.
   */
  programs?: (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string }> | null;
}

export type ShellStep =
  | { kind: 'out'; stream: 'stdout' | 'stderr'; text: string }
  | { kind: 'sleep'; ms: number }
  /** The caller awaits the program and passes its result back into the generator. */
  | { kind: 'program'; run: Promise<{ code: number; stdout: string; stderr: string }> };

type ProgramResult = { code: number; stdout: string; stderr: string } | undefined;

export interface LineEnd {
  code: number;
  /** The line ran `exit`: the session ends with `code`. */
  exit: boolean;
}

export const KERNEL_RELEASE = '5.15.0-171-generic';

export const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

export function homeOf(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}

export function promptOf(ctx: Pick<ShellContext, 'user' | 'hostname'>): string {
  return `${ctx.user}@${ctx.hostname}:~${ctx.user === 'root' ? '#' : '$'} `;
}

type Result = CommandOutput & { sleepMs?: number; exit?: boolean };
const ok = (stdout = ''): Result => ({ stdout, stderr: '', code: 0 });
const fail = (stderr: string, code = 1): Result => ({ stdout: '', stderr, code });

const p2 = (n: number) => String(n).padStart(2, '0');

/** Run-queue length follows the busy GPUs (a data loader and a launcher per rank) plus some noise. */
function loadAt(ctx: ShellContext, tSec: number): number {
  const snap = ctx.gpus(tSec * 1000);
  const busy = snap.jobs.reduce((n, j) => n + j.gpuIndices.length, 0);
  return 0.05 + busy * 1.6 + 0.4 * rand01(snap.node.key, Math.floor(tSec / 5), 77);
}

/** procps-ng `uptime`: ` 14:02:11 up 12 days,  3:04,  1 user,  load average: 0.52, 0.58, 0.59`. */
function uptime(ctx: ShellContext, args: string[]): Result {
  const now = ctx.nowMs();
  const up = Math.max(0, Math.floor((now - ctx.bootMs) / 1000));
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const mins = Math.floor(up / 60) % 60;
  if (args[0] === '-p' || args[0] === '--pretty') {
    const parts: string[] = [];
    const unit = (n: number, u: string) => n && parts.push(`${n} ${u}${n === 1 ? '' : 's'}`);
    unit(Math.floor(days / 7), 'week');
    unit(days % 7, 'day');
    unit(hours, 'hour');
    unit(mins, 'minute');
    return ok(`up ${parts.length ? parts.join(', ') : '0 minutes'}\n`);
  }
  if (args[0] === '-s' || args[0] === '--since') {
    const d = new Date(ctx.bootMs);
    const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
    return ok(`${date} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}\n`);
  }
  if (args.length) return fail(`uptime: invalid option -- '${args[0]!.replace(/^-+/, '')}'\n`);
  const t = Math.floor(now / 1000);
  const avg = (step: number) => [0, 1, 2, 3, 4].reduce((s, k) => s + loadAt(ctx, t - k * step), 0) / 5;
  const d = new Date(now);
  const users = ctx.users();
  const clock = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const dayPart = days ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  const timePart = hours ? `${String(hours).padStart(2)}:${p2(mins)}, ` : `${mins} min, `;
  const userPart = `${String(users).padStart(2)} user${users === 1 ? '' : 's'}, `;
  const loads = [loadAt(ctx, t), avg(60), avg(180)].map((l) => l.toFixed(2)).join(', ');
  return ok(` ${clock} up ${dayPart}${timePart}${userPart} load average: ${loads}\n`);
}

function cat(ctx: ShellContext, args: string[]): Result {
  const files: Record<string, string> = {
    '/etc/os-release': OS_RELEASE,
    '/usr/lib/os-release': OS_RELEASE,
    '/etc/hostname': `${ctx.hostname}\n`,
    '/etc/issue': 'Ubuntu 22.04.5 LTS \\n \\l\n\n',
  };
  let stdout = '';
  let stderr = '';
  for (const f of args) {
    if (files[f] !== undefined) stdout += files[f];
    else stderr += `cat: ${f}: No such file or directory\n`;
  }
  return { stdout, stderr, code: stderr ? 1 : 0 };
}

function uname(ctx: ShellContext, args: string[]): Result {
  const part: Record<string, string> = {
    '-s': 'Linux',
    '-n': ctx.hostname,
    '-r': KERNEL_RELEASE,
    '-m': 'x86_64',
  };
  if (args.length === 0) return ok('Linux\n');
  if (args.includes('-a'))
    return ok(`Linux ${ctx.hostname} ${KERNEL_RELEASE} #181-Ubuntu SMP x86_64 x86_64 x86_64 GNU/Linux\n`);
  const bad = args.find((a) => part[a] === undefined);
  if (bad)
    return fail(
      `uname: invalid option -- '${bad.replace(/^-+/, '')}'\nTry 'uname --help' for more information.\n`,
    );
  return ok(
    `${['-s', '-n', '-r', '-m']
      .filter((k) => args.includes(k))
      .map((k) => part[k])
      .join(' ')}\n`,
  );
}

function sleep(ctx: ShellContext, args: string[]): Result {
  const usage = "Try 'sleep --help' for more information.\n";
  if (args.length === 0) return fail(`sleep: missing operand\n${usage}`);
  let total = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return fail(`sleep: invalid time interval '${a}'\n${usage}`);
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  return { ...ok(), sleepMs: Math.round(Math.min(total, ctx.maxSleepS ?? 30) * 1000) };
}

function stty(ctx: ShellContext, args: string[]): Result {
  const tty = ctx.tty();
  if (!tty) return fail("stty: 'standard input': Inappropriate ioctl for device\n");
  if (args[0] === 'size') return ok(`${tty.rows} ${tty.cols}\n`);
  if (args.length === 0) return ok('speed 38400 baud; line = 0;\n-brkint -imaxbel iutf8\n');
  if (args[0] === '-a') return ok(`speed 38400 baud; rows ${tty.rows}; columns ${tty.cols}; line = 0;\n`);
  return ok(); // `stty -echo` and friends: accepted, nothing to change in a simulator
}

function exit(args: string[], lastCode: number): Result {
  if (args.length === 0) return { ...ok(), code: lastCode, exit: true };
  if (!/^-?\d+$/.test(args[0]!))
    return { ...fail(`bash: exit: ${args[0]}: numeric argument required\n`, 2), exit: true };
  return { ...ok(), code: ((Number(args[0]) % 256) + 256) % 256, exit: true };
}

/** One simple command; `argv[0]` may be a path (`/usr/bin/nvidia-smi`). */
export function runCommand(argv: string[], ctx: ShellContext, lastCode = 0): Result {
  const [cmd0, ...args] = argv;
  const cmd = /^\/(usr\/)?s?bin\/[^/]+$/.test(cmd0 ?? '') ? cmd0!.split('/').pop()! : cmd0!;
  switch (cmd) {
    case 'hostname':
      if (args.length === 0 || ['-s', '--short', '-f', '--fqdn', '--long'].includes(args[0]!))
        return ok(`${ctx.hostname}\n`);
      if (args[0]!.startsWith('-'))
        return fail(`hostname: invalid option -- '${args[0]!.replace(/^-+/, '')}'\n`);
      return fail('hostname: you must be root to change the host name\n');
    case 'uptime':
      return uptime(ctx, args);
    case 'cat':
      return cat(ctx, args);
    case 'uname':
      return uname(ctx, args);
    case 'nvidia-smi':
      return runNvidiaSmi(args, ctx.gpus(ctx.nowMs()));
    case 'echo': {
      const noNewline = args[0] === '-n';
      return ok(`${(noNewline ? args.slice(1) : args).join(' ')}${noNewline ? '' : '\n'}`);
    }
    case 'stty':
      return stty(ctx, args);
    case 'sleep':
      return sleep(ctx, args);
    case 'exit':
    case 'logout':
      return exit(args, lastCode);
    case 'true':
    case ':':
      return ok();
    case 'false':
      return { ...ok(), code: 1 };
    case 'whoami':
      return ok(`${ctx.user}\n`);
    case 'pwd':
      return ok(`${homeOf(ctx.user)}\n`);
    case 'id': {
      const id = ctx.user === 'root' ? 0 : 1000;
      return ok(`uid=${id}(${ctx.user}) gid=${id}(${ctx.user}) groups=${id}(${ctx.user})\n`);
    }
    case 'date': {
      const c = ctimeUtc(ctx.nowMs());
      return ok(`${c.slice(0, 19)} UTC ${c.slice(20)}\n`);
    }
    case 'clear':
      return ok('\x1b[H\x1b[2J\x1b[3J');
    default:
      return fail(`bash: ${cmd0}: command not found\n`, 127);
  }
}

/**
 * Runs one line, yielding output and the sleeps the caller must wait out, in order. `lastCode` is
 * `$?` when the line starts.
 */
export function* interpretLine(
  line: string,
  ctx: ShellContext,
  lastCode = 0,
): Generator<ShellStep, LineEnd, ProgramResult> {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) {
    yield { kind: 'out', stream: 'stderr', text: `${parsed.message}\n` };
    return { code: 2, exit: false };
  }
  let code = lastCode;
  const vars = (name: string): string =>
    ({
      '?': String(code),
      USER: ctx.user,
      LOGNAME: ctx.user,
      HOME: homeOf(ctx.user),
      HOSTNAME: ctx.hostname,
    })[name] ?? (name === 'SHELL' ? '/bin/bash' : '');
  for (const c of parsed.commands) {
    if ((c.after === '&&' && code !== 0) || (c.after === '||' && code === 0)) continue;
    const argv = c.words.map((w) => expandWord(w, vars)).filter((w): w is string => w !== null);
    if (argv.length === 0) continue;
    const program = ctx.programs?.(argv);
    if (program) {
      const p = (yield { kind: 'program', run: program }) ?? { code: 1, stdout: '', stderr: 'interrupted\n' };
      if (p.stdout) yield { kind: 'out', stream: 'stdout', text: p.stdout };
      if (p.stderr) yield { kind: 'out', stream: 'stderr', text: p.stderr };
      code = p.code;
      continue;
    }
    const r = runCommand(argv, ctx, code);
    if (r.stdout) yield { kind: 'out', stream: 'stdout', text: r.stdout };
    if (r.stderr) yield { kind: 'out', stream: 'stderr', text: r.stderr };
    if (r.sleepMs) yield { kind: 'sleep', ms: r.sleepMs };
    code = r.code;
    if (r.exit) return { code, exit: true };
  }
  return { code, exit: false };
}

/** The whole line at once, sleeps not waited: for tests and one-shot callers. */
export function runLine(
  line: string,
  ctx: ShellContext,
  lastCode = 0,
): { stdout: string; stderr: string; code: number; exit: boolean; sleptMs: number } {
  const gen = interpretLine(line, ctx, lastCode);
  let stdout = '';
  let stderr = '';
  let sleptMs = 0;
  for (;;) {
    const step = gen.next();
    if (step.done) return { stdout, stderr, sleptMs, ...step.value };
    if (step.value.kind === 'sleep') sleptMs += step.value.ms;
    else if (step.value.kind === 'program')
      throw new Error('runLine cannot wait for programs; use interpretLine');
    else if (step.value.stream === 'stdout') stdout += step.value.text;
    else stderr += step.value.text;
  }
}
