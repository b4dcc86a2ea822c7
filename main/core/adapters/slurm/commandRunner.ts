import { spawn } from 'node:child_process';

/**
 * Runs a command somewhere — on this machine, or (with the SSH issue) on a site's controller over
 * SSH — and reports how it ended. An argv array, never a shell string: the local runner execs it
 * directly; a remote runner must quote each element with shellQuote() before it reaches a shell.
 */
export interface CommandResult {
  /** The exit code; -1 when the command did not run or did not finish (stderr says why). */
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  run(argv: string[], env?: Record<string, string>): Promise<CommandResult>;
}

export interface LocalRunnerOptions {
  timeoutMs: number;
  /** Output kept per stream; the rest is dropped (scontrol's answers are a few lines). */
  maxBytes?: number;
}

/**
 * Spawns the command on this machine with a minimal environment: PATH, a C locale (so messages are
 * the English ones the callers match) and what the caller passes — never the console's own
 * environment, which may hold another cluster's SLURM_CONF or secrets.
 */
export class LocalCommandRunner implements CommandRunner {
  constructor(private readonly opts: LocalRunnerOptions) {}

  run(argv: string[], env: Record<string, string> = {}): Promise<CommandResult> {
    const max = this.opts.maxBytes ?? 1024 * 1024;
    return new Promise((resolve) => {
      const [cmd, ...args] = argv;
      if (!cmd) return resolve({ code: -1, stdout: '', stderr: 'no command given' });
      const child = spawn(cmd, args, {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
      });
      const out = { stdout: '', stderr: '' };
      const collect = (k: 'stdout' | 'stderr') => (d: Buffer) => {
        if (out[k].length < max) out[k] += d.toString('utf8').slice(0, max - out[k].length);
      };
      child.stdout.on('data', collect('stdout'));
      child.stderr.on('data', collect('stderr'));
      let settled = false;
      const done = (r: CommandResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done({ code: -1, ...out, stderr: `${cmd} gave no answer within ${this.opts.timeoutMs} ms` });
      }, this.opts.timeoutMs);
      child.on('error', (e: NodeJS.ErrnoException) =>
        done({
          code: -1,
          stdout: '',
          stderr:
            e.code === 'ENOENT'
              ? `${cmd} is not installed on this machine (or not on PATH)`
              : `${cmd} could not start: ${e.message}`,
        }),
      );
      child.on('close', (code, signal) =>
        done({ code: code ?? -1, ...out, ...(code === null ? { stderr: `${cmd} ended by ${signal}` } : {}) }),
      );
    });
  }
}
