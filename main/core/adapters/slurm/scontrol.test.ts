import { describe, expect, it } from 'vitest';
import { LocalCommandRunner, type CommandResult, type CommandRunner } from './commandRunner';
import { reasonProblem, Scontrol, scontrolFailure } from './scontrol';

/** Records what it was asked to run and answers as told. */
class FakeRunner implements CommandRunner {
  calls: { argv: string[]; env?: Record<string, string> }[] = [];
  constructor(private readonly answer: CommandResult = { code: 0, stdout: '', stderr: '' }) {}
  async run(argv: string[], env?: Record<string, string>) {
    this.calls.push({ argv, env });
    return this.answer;
  }
}

describe('Scontrol', () => {
  const env = { SLURM_CONF: '/etc/slurm/client.conf', SLURM_JWT: 'tok' };

  it('drains with the reason as one argv element, and passes the env', async () => {
    const r = new FakeRunner();
    const s = new Scontrol(r, { env });
    expect(await s.drain('gpu1', "  XID 79 on GPU 3; it's $(gone)  ")).toEqual({
      ok: true,
      value: undefined,
    });
    expect(r.calls).toEqual([
      {
        argv: ['scontrol', 'update', 'nodename=gpu1', 'state=drain', "reason=XID 79 on GPU 3; it's $(gone)"],
        env,
      },
    ]);
  });

  it('resumes and requeues', async () => {
    const r = new FakeRunner();
    const s = new Scontrol(r, { binary: '/usr/bin/scontrol' });
    await s.resume('gpu[1-2]');
    await s.requeue(42);
    expect(r.calls.map((c) => c.argv)).toEqual([
      ['/usr/bin/scontrol', 'update', 'nodename=gpu[1-2]', 'state=resume'],
      ['/usr/bin/scontrol', 'requeue', '42'],
    ]);
  });

  it('refuses, without running anything, an empty reason, a bad node name or job id', async () => {
    const r = new FakeRunner();
    const s = new Scontrol(r);
    for (const res of [
      await s.drain('gpu1', '   '),
      await s.drain('gpu1 state=resume', 'x'),
      await s.drain('gpu1', 'say "hi"'),
      await s.resume('a=b'),
      await s.requeue(0),
      await s.requeue(1.5),
    ])
      expect(res).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(r.calls).toEqual([]);
    expect(reasonProblem('')).toMatch(/needs a reason/);
    expect(reasonProblem('x'.repeat(300))).toMatch(/longer/);
    expect(reasonProblem('two\nlines')).toMatch(/control characters/);
    expect(reasonProblem('XID 79')).toBeNull();
  });

  it("passes scontrol's failure on as a value", async () => {
    const s = new Scontrol(
      new FakeRunner({ code: 1, stdout: '', stderr: 'slurm_update error: Invalid node name specified\n' }),
    );
    expect(await s.drain('gpu9', 'x')).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        message: 'draining gpu9: scontrol said "slurm_update error: Invalid node name specified"',
      },
    });
  });
});

describe('scontrolFailure (real scontrol 22.05 messages)', () => {
  it.each([
    ['You must specify a reason when DOWNING or DRAINING a node. Request denied', 1, 'invalid'],
    ['slurm_update error: Invalid node name specified', 1, 'rejected'],
    ['slurm_update error: Invalid node state specified', 1, 'rejected'],
    ['Invalid job id specified for job 99999', 1, 'rejected'],
    // a bad JWT: slurmctld drops the connection
    ['slurm_update error: Zero Bytes were transmitted or received', 1, 'auth'],
    ['slurm_update error: Invalid user id', 1, 'auth'],
    ['slurm_update error: Unable to contact slurm controller (connect failure)', 1, 'unreachable'],
    ['scontrol is not installed on this machine (or not on PATH)', -1, 'unreachable'],
    ['scontrol gave no answer within 100 ms', -1, 'unreachable'],
  ])('%s', (stderr, code, kind) => {
    const f = scontrolFailure({ code, stdout: '', stderr: stderr + '\n' }, 'draining gpu1');
    expect(f.kind).toBe(kind);
    expect(f.message).toContain(stderr);
  });
});

describe('LocalCommandRunner', () => {
  const runner = new LocalCommandRunner({ timeoutMs: 2000 });

  it('runs an argv without a shell, with a minimal C-locale environment plus what is given', async () => {
    const r = await runner.run(
      ['sh', '-c', 'echo "$1|$SLURM_JWT|$LC_ALL|${HOME:-unset}"; echo oops >&2; exit 3', 'x', 'a b;c'],
      {
        SLURM_JWT: 't',
      },
    );
    expect(r).toEqual({ code: 3, stdout: 'a b;c|t|C|unset\n', stderr: 'oops\n' });
  });

  it('reports a missing program and a hung one as code -1 with a reason', async () => {
    expect(await runner.run(['no-such-program-fc'])).toMatchObject({
      code: -1,
      stderr: expect.stringMatching(/not installed/),
    });
    const slow = new LocalCommandRunner({ timeoutMs: 100 });
    expect(await slow.run(['sleep', '5'])).toMatchObject({
      code: -1,
      stderr: expect.stringMatching(/no answer within 100 ms/),
    });
  });
});
