import type { Result } from '../../../shared/result';
import type { TerminalTarget } from '../../../shared/terminal';
import type { CommandResult, CommandRunner } from '../adapters/slurm/commandRunner';
import { shellJoin } from '../adapters/slurm/shellQuote';
import type { HostKeyStore } from './hostKeyStore';
import { execCapture, nonInteractive } from './execCapture';
import { SshChain } from './sshChain';
import type { ResolvedTarget } from './terminalService';

/**
 * Runs a command on a site host over SSH (the Slurm controller's scontrol on 22.05), through the
 * same jump chain and host-key checks as a terminal, but never prompting: the host key must be
 * pinned or known and the login must work without typed secrets. Each argv element is shell-quoted.
 */
export class SshCommandRunner implements CommandRunner {
  constructor(
    private readonly target: TerminalTarget,
    private readonly d: {
      hostKeys: HostKeyStore;
      resolve: (t: TerminalTarget) => Promise<Result<ResolvedTarget>>;
      timeoutMs: number;
    },
  ) {}

  async run(argv: string[], env: Record<string, string> = {}): Promise<CommandResult> {
    const resolved = await this.d.resolve(this.target);
    if (!resolved.ok) return { code: -1, stdout: '', stderr: resolved.error.message };
    const chain = new SshChain();
    const timer = setTimeout(() => chain.close(), this.d.timeoutMs);
    try {
      const c = await chain.open(resolved.value.hops, nonInteractive(this.d.hostKeys), this.d.timeoutMs);
      if (!c.ok) return { code: -1, stdout: '', stderr: `over SSH to ${resolved.value.target}: ${c.reason}` };
      const r = await execCapture(c.client, shellJoin(argv, env), 1024 * 1024);
      return { ...r, code: r.code ?? -1 };
    } finally {
      clearTimeout(timer);
      chain.close();
    }
  }
}
