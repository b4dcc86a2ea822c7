import { z } from 'zod';

/** Contract shapes of the SSH terminal (issue 5). Secrets typed into prompts cross only renderer → core. */
export const TerminalTargetSchema = z.discriminatedUnion('kind', [
  /** A node of a configured site, reached through the site's bastion. */
  z
    .object({
      kind: z.literal('node'),
      siteId: z.string().min(1).max(128),
      hostname: z.string().min(1).max(253),
    })
    .strict(),
  /** Any host, or an alias from ~/.ssh/config (its HostName, User, Port, IdentityFile, ProxyJump apply). */
  z
    .object({
      kind: z.literal('host'),
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65535).optional(),
      user: z.string().min(1).max(64).optional(),
    })
    .strict(),
]);
export type TerminalTarget = z.infer<typeof TerminalTargetSchema>;

export const TERMINAL_STATES = [
  'connecting',
  'verifying',
  'authenticating',
  'open',
  'closed',
  'failed',
] as const;

export const HostKeyInfoSchema = z.object({
  host: z.string(),
  fingerprint: z.string(),
  /** pinned: in the site inventory; known: in known_hosts; new: trusted by the operator just now. */
  status: z.enum(['pinned', 'known', 'new']),
});

export const TerminalStateSchema = z.object({
  terminalId: z.string(),
  title: z.string(),
  state: z.enum(TERMINAL_STATES),
  /** Which hop of the jump chain the state is about (0 = the first). */
  hop: z.number().int().nonnegative(),
  hops: z.number().int().positive(),
  message: z.string().nullable(),
  hostKeys: z.array(HostKeyInfoSchema),
});
export type TerminalState = z.infer<typeof TerminalStateSchema>;

export const TerminalPromptSchema = z.object({
  promptId: z.string(),
  terminalId: z.string(),
  kind: z.enum(['host-key', 'password', 'passphrase', 'keyboard-interactive']),
  host: z.string(),
  port: z.number().int(),
  fingerprint: z.string().nullable(),
  keyType: z.string().nullable(),
  prompts: z.array(z.object({ prompt: z.string(), echo: z.boolean() })),
});
export type TerminalPrompt = z.infer<typeof TerminalPromptSchema>;

export const TerminalDataSchema = z.object({ terminalId: z.string(), data: z.string() });

export const BroadcastResultSchema = z.object({
  siteId: z.string(),
  hostname: z.string(),
  state: z.enum(['pending', 'running', 'done', 'failed', 'timeout', 'cancelled']),
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  error: z.string().nullable(),
  ms: z.number().nullable(),
});

export const BroadcastProgressSchema = z.object({
  broadcastId: z.string(),
  command: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  results: z.array(BroadcastResultSchema),
  finished: z.boolean(),
  groups: z
    .array(
      z.object({
        key: z.string(),
        exitCode: z.number().int().nullable(),
        stdout: z.string(),
        stderr: z.string(),
        error: z.string().nullable(),
        nodes: z.array(z.object({ siteId: z.string(), hostname: z.string() })),
        outlier: z.boolean(),
      }),
    )
    .nullable(),
});
export type BroadcastProgress = z.infer<typeof BroadcastProgressSchema>;
