import { describe, expect, it } from 'vitest';
import { SimFleet } from '../simFleet';
import { OS_RELEASE, promptOf, runLine, type ShellContext } from './simShell';
import { parseCommandLine, UNSUPPORTED } from './shellWords';

const T0 = Date.UTC(2026, 10, 29, 14, 5, 9);
const fleet = new SimFleet({ seed: 42, sites: 1, nodesPerSite: 6 }, () => T0);
const site = fleet.sites[0]!;
const node = site.nodes.find((n) => !n.idle)!;

function ctx(over: Partial<ShellContext> = {}): ShellContext {
  return {
    hostname: node.hostname,
    user: 'ops',
    tty: () => ({ cols: 120, rows: 40 }),
    nowMs: () => T0,
    // Up 12 days, 3 h 4 min.
    bootMs: T0 - ((12 * 24 + 3) * 3600 + 4 * 60) * 1000,
    users: () => 1,
    gpus: (atMs) => {
      const t = Math.floor(atMs / 1000);
      return { node, frames: fleet.frames(site, node, t), jobs: fleet.jobs(site, node, t), atMs };
    },
    ...over,
  };
}

type Want = { stdout?: string | RegExp; stderr?: string | RegExp; code: number; exit?: boolean };

const cases: [string, Want, Partial<ShellContext>?][] = [
  ['hostname', { stdout: `${node.hostname}\n`, code: 0 }],
  ['hostname -s', { stdout: `${node.hostname}\n`, code: 0 }],
  ['hostname other', { stderr: 'hostname: you must be root to change the host name\n', code: 1 }],
  ['cat /etc/os-release', { stdout: OS_RELEASE, code: 0 }],
  ['cat /etc/shadow', { stderr: 'cat: /etc/shadow: No such file or directory\n', code: 1 }],
  [
    'uptime',
    {
      stdout:
        /^ 14:05:09 up 12 days, {2}3:04, {2}1 user, {2}load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d\n$/,
      code: 0,
    },
  ],
  [
    'uptime',
    { stdout: /^ 14:05:09 up 3 min, {2}2 users, /, code: 0 },
    { bootMs: T0 - 200_000, users: () => 2 },
  ],
  ['uptime -p', { stdout: 'up 1 week, 5 days, 3 hours, 4 minutes\n', code: 0 }],
  ['echo hello   world', { stdout: 'hello world\n', code: 0 }],
  ['echo -n "a  b"', { stdout: 'a  b', code: 0 }],
  ['echo \'$HOME\' "$HOME" $USER', { stdout: '$HOME /home/ops ops\n', code: 0 }],
  ['echo $NOPE x', { stdout: 'x\n', code: 0 }],
  ['stty size', { stdout: '40 120\n', code: 0 }],
  [
    'stty size',
    { stderr: "stty: 'standard input': Inappropriate ioctl for device\n", code: 1 },
    { tty: () => null },
  ],
  ['true', { stdout: '', code: 0 }],
  ['false', { stdout: '', code: 1 }],
  ['false; echo $?', { stdout: '1\n', code: 0 }],
  ['false && echo no', { stdout: '', code: 1 }],
  ['false || echo yes', { stdout: 'yes\n', code: 0 }],
  ['true && echo a; echo b', { stdout: 'a\nb\n', code: 0 }],
  ['exit', { code: 0, exit: true }],
  ['exit 300', { code: 44, exit: true }],
  ['false; exit', { code: 1, exit: true }],
  ['exit x', { stderr: 'bash: exit: x: numeric argument required\n', code: 2, exit: true }],
  ['echo a; exit 3; echo b', { stdout: 'a\n', code: 3, exit: true }],
  ['sleep', { stderr: /^sleep: missing operand\n/, code: 1 }],
  ['sleep soon', { stderr: /^sleep: invalid time interval 'soon'\n/, code: 1 }],
  ['frobnicate --now', { stderr: 'bash: frobnicate: command not found\n', code: 127 }],
  ['nvidia-smi | grep MiB', { stderr: `${UNSUPPORTED}\n`, code: 2 }],
  ['echo "unterminated', { stderr: 'bash: unexpected EOF while looking for matching `"\'\n', code: 2 }],
  ['&& true', { stderr: "bash: syntax error near unexpected token `&&'\n", code: 2 }],
  ['whoami', { stdout: 'ops\n', code: 0 }],
  ['uname -r', { stdout: '5.15.0-171-generic\n', code: 0 }],
  ['date', { stdout: 'Sun Nov 29 14:05:09 UTC 2026\n', code: 0 }],
  ['# just a comment', { stdout: '', code: 0 }],
  ['', { stdout: '', code: 0 }],
  [
    '/usr/bin/nvidia-smi -L',
    { stdout: new RegExp(`^GPU 0: ${node.model.modelName} \\(UUID: GPU-`), code: 0 },
  ],
  [
    'nvidia-smi --query-gpu=nope --format=csv',
    { stdout: 'Field "nope" is not a valid field to query.\n\n', code: 2 },
  ],
];

describe('runLine', () => {
  it.each(cases)('%s', (line, want, over) => {
    const r = runLine(line, ctx(over));
    expect(r.code).toBe(want.code);
    expect(r.exit).toBe(want.exit ?? false);
    for (const k of ['stdout', 'stderr'] as const) {
      const w = want[k];
      if (w === undefined) continue;
      if (typeof w === 'string') expect(r[k]).toBe(w);
      else expect(r[k]).toMatch(w);
    }
  });

  it('prints the GPUs as the simulator reads them that second', () => {
    const r = runLine(
      'nvidia-smi --query-gpu=index,utilization.gpu,memory.used --format=csv,noheader,nounits',
      ctx(),
    );
    const truth = fleet.frames(site, node, Math.floor(T0 / 1000));
    expect(r.stdout).toBe(truth.map((f, i) => `${i}, ${f.utilPct}, ${f.fbUsedMiB}\n`).join(''));
  });

  it('asks the caller to sleep, capped so a session cannot be held for long', () => {
    expect(runLine('sleep 1.5; echo done', ctx())).toMatchObject({
      stdout: 'done\n',
      sleptMs: 1500,
      code: 0,
    });
    expect(runLine('sleep 1m', ctx({ maxSleepS: 10 })).sleptMs).toBe(10_000);
  });

  it('starts $? at the status of the previous line', () => {
    expect(runLine('echo $?', ctx(), 127).stdout).toBe('127\n');
  });
});

describe('parseCommandLine', () => {
  it('keeps quoted words whole and joins adjacent quoting', () => {
    const p = parseCommandLine(`echo 'a b'"c"\\ d ""`);
    if (!p.ok) throw new Error(p.message);
    expect(
      p.commands[0]!.words.map((w) =>
        w.parts.map((x) => (x.kind === 'lit' ? x.text : `$${x.name}`)).join(''),
      ),
    ).toEqual(['echo', 'a bc d', '']);
  });

  it.each(['a > f', 'a < f', 'a &', 'echo `id`', 'echo $(id)', '(a)'])('refuses %s', (line) => {
    expect(parseCommandLine(line)).toEqual({ ok: false, message: UNSUPPORTED });
  });

  it('records how each command joins the previous one', () => {
    const p = parseCommandLine('a; b && c || d;');
    if (!p.ok) throw new Error(p.message);
    expect(p.commands.map((c) => c.after)).toEqual([null, ';', '&&', '||']);
  });
});

describe('promptOf', () => {
  it('is bash’s default Ubuntu prompt', () => {
    expect(promptOf({ user: 'ops', hostname: 'fra1-gpu-001' })).toBe('ops@fra1-gpu-001:~$ ');
    expect(promptOf({ user: 'root', hostname: 'fra1-gpu-001' })).toBe('root@fra1-gpu-001:~# ');
  });
});
