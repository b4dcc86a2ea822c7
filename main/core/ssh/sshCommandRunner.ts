import type { Client } from 'ssh2';
import type { Result } from '../../../shared/result';
import type { TerminalTarget } from '../../../shared/terminal';
import type { CommandResult, CommandRunner } from '../adapters/slurm/commandRunner';
import { shellJoin } from '../adapters/slurm/shellQuote';
import type { HostKeyStore } from './hostKeyStore';
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
      const c = await chain.open(
        resolved.value.hops,
        {
          checkHostKey: (hop, type, key) => this.d.hostKeys.check(hop.host, hop.port, type, key, hop.pinned),
          confirmHostKey: async () => false,
          askSecret: async () => null,
          onHop: () => undefined,
        },
        this.d.timeoutMs,
      );
      if (!c.ok) return { code: -1, stdout: '', stderr: `over SSH to ${resolved.value.target}: ${c.reason}` };
      return await exec(c.client, shellJoin(argv, env));
    } finally {
      clearTimeout(timer);
      chain.close();
    }
  }
}

function exec(client: Client, command: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    client.exec(command, (e, stream) => {
      if (e) return resolve({ code: -1, stdout: '', stderr: e.message });
      let stdout = '';
      let stderr = '';
      let code = -1;
      stream.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      stream.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      stream.on('exit', (c: number | null) => (code = c ?? -1));
      stream.on('close', () => resolve({ code, stdout, stderr }));
    });
    client.on('close', () => resolve({ code: -1, stdout: '', stderr: 'the connection closed' }));
  });
}
