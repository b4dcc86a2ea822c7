import { z } from 'zod';
import type { CallName, EventName } from './channels';
import { RoleSchema } from './roles';
import { AuditEntrySchema, AuditFilterSchema, AuditVerdictSchema } from './audit';
import { PassphraseSchema, SessionInfoSchema } from './session';
import { SiteProfileSchema } from './siteProfile';
import { AlertListSchema } from './alerts';
import { PlanRunSchema } from './placement';
import { call, SiteIdSchema } from './callSpec';
import { nocCalls } from './calls/nocCalls';
import { placementCalls } from './calls/placementCalls';
import { residencyCalls } from './calls/residencyCalls';
import { sustainabilityCalls } from './calls/sustainabilityCalls';
import {
  BroadcastProgressSchema,
  TerminalDataSchema,
  TerminalPromptSchema,
  TerminalStateSchema,
  TerminalTargetSchema,
} from './terminal';

const TerminalIdSchema = z.string().min(1).max(64);

/** Secret values typed into a form, by the names the profile uses; stored, never echoed back. */
const SecretValuesSchema = z.record(z.string().max(128), z.string().min(1).max(16_384)).default({});
import {
  AppInfoSchema,
  FleetSnapshotSchema,
  FleetTotalsSchema,
  SeriesPointSchema,
  SeriesSchema,
  SiteDetailSchema,
  SiteSummarySchema,
} from './domain';

/**
 * The one API contract (STYLE.md rule 2): every call (see callSpec.ts) and event, in one table that
 * both transports — Electron IPC and the served WebSocket — are driven from. The later areas' entries
 * live in shared/calls/, one file each, spread in here.
 */

export const calls = {
  'app.info': call({
    permission: 'view',
    summary: 'Version, shell and where the fleet definition came from.',
    request: z.object({}).strict(),
    response: AppInfoSchema,
    errors: [],
  }),
  'fleet.snapshot': call({
    permission: 'view',
    summary: 'Fleet totals and one summary per site, as of the last tick.',
    request: z.object({}).strict(),
    response: FleetSnapshotSchema,
    errors: [],
  }),
  'fleet.history': call({
    permission: 'view',
    summary: 'Fleet utilisation and power over a window, downsampled to at most maxPoints.',
    request: z
      .object({
        windowS: z.number().int().min(60).max(86_400).default(900),
        maxPoints: z.number().int().min(10).max(500).default(500),
      })
      .strict(),
    response: SeriesSchema,
    errors: [],
  }),
  'site.detail': call({
    permission: 'view',
    summary: "One site's summary, its nodes and its history.",
    request: z
      .object({
        siteId: SiteIdSchema,
        windowS: z.number().int().min(60).max(86_400).default(900),
        maxPoints: z.number().int().min(10).max(500).default(500),
      })
      .strict(),
    response: SiteDetailSchema,
    errors: ['NOT_FOUND'],
  }),
  'session.get': call({
    summary: "This window's role, who it acts as, and what it may do.",
    permission: 'view',
    request: z.object({}).strict(),
    response: SessionInfoSchema,
    errors: [],
  }),
  'session.setRole': call({
    summary: 'Switch role; becoming admin needs the admin passphrase. Audited either way.',
    permission: 'view',
    request: z.object({ role: RoleSchema, passphrase: z.string().max(1024).optional() }).strict(),
    response: SessionInfoSchema,
    errors: ['FORBIDDEN'],
  }),
  'admin.setPassphrase': call({
    summary: 'Set the admin passphrase (first run), or change it with the current one.',
    permission: 'view',
    request: z.object({ passphrase: PassphraseSchema, current: z.string().max(1024).optional() }).strict(),
    response: SessionInfoSchema,
    errors: ['FORBIDDEN'],
  }),
  'audit.list': call({
    summary: 'Audit entries, newest first, filtered.',
    permission: 'view',
    request: z
      .object({
        filter: AuditFilterSchema.default({}),
        limit: z.number().int().min(1).max(1000).default(200),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
    response: z.object({ entries: z.array(AuditEntrySchema), total: z.number().int().nonnegative() }),
    errors: [],
  }),
  'audit.verify': call({
    summary: 'Re-read the whole log from disk and check its hash chain.',
    permission: 'view',
    request: z.object({}).strict(),
    response: AuditVerdictSchema,
    errors: [],
  }),
  'audit.export': call({
    summary: 'The filtered log as JSONL (verifiable) or CSV (for spreadsheets).',
    permission: 'audit.export',
    request: z.object({ format: z.enum(['jsonl', 'csv']), filter: AuditFilterSchema.default({}) }).strict(),
    response: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      content: z.string(),
      entries: z.number().int(),
    }),
    errors: [],
  }),
  'sites.list': call({
    summary: 'The site profiles (no secret values) and the names of stored secrets.',
    permission: 'view',
    request: z.object({}).strict(),
    response: z.object({
      demo: z.boolean(),
      profiles: z.array(SiteProfileSchema),
      secretNames: z.array(z.string()),
    }),
    errors: [],
  }),
  'sites.save': call({
    summary: 'Add or update a site profile; secrets typed with it go to the secret store.',
    permission: 'sites',
    request: z.object({ profile: SiteProfileSchema, secrets: SecretValuesSchema }).strict(),
    response: z.object({ profile: SiteProfileSchema }),
    errors: ['CONFIG_INVALID', 'UNAVAILABLE'],
  }),
  'sites.remove': call({
    summary: 'Remove a site profile.',
    permission: 'sites',
    request: z.object({ id: SiteIdSchema }).strict(),
    response: z.object({ removed: z.string() }),
    errors: ['NOT_FOUND', 'UNAVAILABLE'],
  }),
  'sites.test': call({
    summary: "Run each of a profile's adapters once and say what answered and what failed.",
    permission: 'sites',
    request: z.object({ profile: SiteProfileSchema, secrets: SecretValuesSchema }).strict(),
    response: z.object({
      checks: z.array(z.object({ check: z.string(), ok: z.boolean(), message: z.string() })),
    }),
    errors: [],
  }),
  'sites.import': call({
    summary: 'Import a fleet YAML file, merged into or replacing the profiles; errors name line and field.',
    permission: 'sites',
    request: z.object({ yaml: z.string().max(20_000_000), mode: z.enum(['merge', 'replace']) }).strict(),
    response: z.object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
    errors: ['CONFIG_INVALID', 'UNAVAILABLE'],
  }),
  'sites.export': call({
    summary: 'All site profiles as one YAML file (never with secret values).',
    permission: 'view',
    request: z.object({}).strict(),
    response: z.object({ fileName: z.string(), content: z.string() }),
    errors: [],
  }),
  'terminal.open': call({
    summary: 'Open an SSH shell on a node (through its site bastion) or a host; progress arrives as events.',
    permission: 'ssh',
    request: z
      .object({
        target: TerminalTargetSchema,
        cols: z.number().int().min(10).max(1000),
        rows: z.number().int().min(3).max(500),
      })
      .strict(),
    response: z.object({ terminalId: TerminalIdSchema, title: z.string() }),
    errors: ['NOT_FOUND', 'CONFIG_INVALID'],
  }),
  'terminal.input': call({
    summary: 'Keystrokes or pasted text for a terminal.',
    permission: 'ssh',
    request: z.object({ terminalId: TerminalIdSchema, data: z.string().max(65_536) }).strict(),
    response: z.object({}),
    errors: ['NOT_FOUND'],
  }),
  'terminal.resize': call({
    summary: "The terminal's new size; the remote PTY follows.",
    permission: 'ssh',
    request: z
      .object({
        terminalId: TerminalIdSchema,
        cols: z.number().int().min(10).max(1000),
        rows: z.number().int().min(3).max(500),
      })
      .strict(),
    response: z.object({}),
    errors: ['NOT_FOUND'],
  }),
  'terminal.close': call({
    summary: 'Close a terminal and every hop behind it.',
    permission: 'ssh',
    request: z.object({ terminalId: TerminalIdSchema }).strict(),
    response: z.object({}),
    errors: ['NOT_FOUND'],
  }),
  'terminal.answer': call({
    summary:
      'Answer a prompt: trust a host key or not, or give a password / passphrase (used once, never stored).',
    permission: 'ssh',
    request: z
      .object({
        promptId: z.string().min(1).max(64),
        trust: z.boolean().optional(),
        answers: z.array(z.string().max(4096)).max(10).optional(),
      })
      .strict(),
    response: z.object({}),
    errors: ['NOT_FOUND'],
  }),
  'knownHosts.forget': call({
    summary:
      "Forget the console's stored host keys for host:port (after a host was legitimately reinstalled).",
    permission: 'ssh',
    request: z
      .object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535) })
      .strict(),
    response: z.object({ removed: z.number().int() }),
    errors: [],
  }),
  'broadcast.start': call({
    summary:
      'Run one command on up to 500 nodes (bounded concurrency, per-node timeout); progress arrives as events.',
    permission: 'ssh',
    request: z
      .object({
        targets: z
          .array(
            z.object({ siteId: z.string().min(1).max(128), hostname: z.string().min(1).max(253) }).strict(),
          )
          .min(1)
          .max(500),
        command: z.string().min(1).max(4096),
        concurrency: z.number().int().min(1).max(64).default(16),
        timeoutS: z.number().int().min(1).max(600).default(30),
      })
      .strict(),
    response: z.object({ broadcastId: z.string() }),
    errors: [],
  }),
  'broadcast.cancel': call({
    summary: 'Stop a running broadcast; nodes not started are marked cancelled.',
    permission: 'ssh',
    request: z.object({ broadcastId: z.string().min(1).max(64) }).strict(),
    response: z.object({}),
    errors: ['NOT_FOUND'],
  }),
  'broadcast.export': call({
    summary: "A broadcast's per-node results as CSV or JSON.",
    permission: 'ssh',
    request: z.object({ broadcastId: z.string().min(1).max(64), format: z.enum(['csv', 'json']) }).strict(),
    response: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
    errors: ['NOT_FOUND'],
  }),
  'node.drain': call({
    summary:
      "Drain a node through the site's scheduler (no new work lands; running jobs finish). A reason is required.",
    permission: 'drain',
    request: z
      .object({
        siteId: SiteIdSchema,
        hostname: z.string().min(1).max(253),
        reason: z.string().trim().min(1, 'give a reason: it is what the next operator reads').max(256),
      })
      .strict(),
    response: z.object({}),
    errors: ['NOT_FOUND', 'UNAUTHORIZED', 'UNAVAILABLE', 'CONFIG_INVALID'],
  }),
  'node.resume': call({
    summary: 'Return a drained node to service.',
    permission: 'drain',
    request: z.object({ siteId: SiteIdSchema, hostname: z.string().min(1).max(253) }).strict(),
    response: z.object({}),
    errors: ['NOT_FOUND', 'UNAUTHORIZED', 'UNAVAILABLE', 'CONFIG_INVALID'],
  }),
  'job.requeue': call({
    summary:
      'Put a running job back in the queue and let it start again at once (elsewhere, if its node is drained).',
    permission: 'drain',
    request: z.object({ siteId: SiteIdSchema, jobId: z.number().int().positive() }).strict(),
    response: z.object({}),
    errors: ['NOT_FOUND', 'UNAUTHORIZED', 'UNAVAILABLE', 'CONFIG_INVALID'],
  }),
  ...sustainabilityCalls,
  ...nocCalls,
  ...residencyCalls,
  ...placementCalls,
} as const;

export const FleetTickSchema = z.object({
  totals: FleetTotalsSchema,
  sites: z.array(SiteSummarySchema),
  /** The fleet's new history point, so charts append without re-fetching. */
  point: SeriesPointSchema,
});
export type FleetTick = z.infer<typeof FleetTickSchema>;

export const events = {
  'fleet.tick': FleetTickSchema,
  'audit.appended': AuditEntrySchema,
  'terminal.data': TerminalDataSchema,
  'terminal.state': TerminalStateSchema,
  'terminal.prompt': TerminalPromptSchema,
  'broadcast.progress': BroadcastProgressSchema,
  /** The alert list whenever an alert opens, resolves, or is acknowledged or silenced. */
  'alerts.changed': AlertListSchema,
  /** A plan run whenever one of its steps changes state, and when it ends. */
  'placement.run': PlanRunSchema,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallRequest<N extends CallName> = z.input<Calls[N]['request']>;
export type CallRequestParsed<N extends CallName> = z.output<Calls[N]['request']>;
export type CallResponse<N extends CallName> = z.output<Calls[N]['response']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

// Compile-time proof that channels.ts and this table name the same entries.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callsAgree: Same<keyof Calls, CallName> = true;
const eventsAgree: Same<keyof Events, EventName> = true;
void callsAgree;
void eventsAgree;

// The alert list's shapes live with the alerts; kept importable from here as before.
export { AlertListSchema, AlertViewSchema, type AlertList, type AlertView } from './alerts';
