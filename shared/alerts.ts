import { z } from 'zod';

/**
 * Alerts (issue 4, NOC views): the rules an operator edits, the alert instances the list shows, and the
 * XID catalogue both sides use for wording. The engine that turns telemetry into alerts lives in
 * main/core/alerts/; everything here is data and validation, shared by the core and the renderer.
 */

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export const AlertSeveritySchema = z.enum(ALERT_SEVERITIES);
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

/** Lower is more severe: the list sorts by it and XID severity takes the more severe of two. */
export const severityRank = (s: AlertSeverity): number => ALERT_SEVERITIES.indexOf(s);
export const moreSevere = (a: AlertSeverity, b: AlertSeverity): AlertSeverity =>
  severityRank(a) <= severityRank(b) ? a : b;

/** Closed so the engine, the rules form and the list each handle every kind deliberately. */
export const ALERT_KINDS = [
  'gpu-temp',
  'gpu-power',
  'xid',
  'row-remap-failure',
  'node-down',
  'site-unreachable',
  'data-stale',
  'residency',
] as const;
export const AlertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** The kinds whose condition compares a reading with `threshold`. */
const THRESHOLD_KINDS: readonly AlertKind[] = ['gpu-temp', 'gpu-power'];
/** The kinds about missed polls, whose natural unit is the poll interval (which the user can change). */
const INTERVAL_KINDS: readonly AlertKind[] = ['site-unreachable', 'data-stale'];

const RuleIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by "-" (e.g. gpu-temp-critical)')
  .max(63);

export const AlertRuleSchema = z
  .object({
    id: RuleIdSchema,
    kind: AlertKindSchema,
    enabled: z.boolean().default(true),
    /** For xid the alert takes the more severe of this and xidSeverity(code), so 48/79 are always critical. */
    severity: AlertSeveritySchema,
    /** °C for gpu-temp, % of the GPU's power limit for gpu-power; null for every other kind. */
    threshold: z.number().finite().nullable().default(null),
    /** How long the condition must hold, in seconds, before a pending alert fires. */
    forS: z.number().finite().nonnegative().max(86_400).default(0),
    /** How long the condition must be false, in seconds, before a firing alert resolves (against flapping). */
    clearS: z.number().finite().nonnegative().max(86_400).default(0),
    /**
     * site-unreachable and data-stale only: the hold in poll intervals instead of forS (hold = forIntervals ×
     * the interval the engine is given), so "2 missed polls" stays right when the interval changes.
     * For data-stale the hold is the staleness age: a node fires once its last success is older than it.
     */
    forIntervals: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (THRESHOLD_KINDS.includes(r.kind)) {
      const [lo, hi, unit] = r.kind === 'gpu-temp' ? [1, 150, '°C'] : [1, 200, '% of the power limit'];
      if (r.threshold === null) issue('threshold', `a ${r.kind} rule needs a threshold in ${unit}`);
      else if (r.threshold < lo || r.threshold > hi)
        issue('threshold', `a ${r.kind} threshold is ${lo} to ${hi} ${unit}`);
    } else if (r.threshold !== null) {
      issue('threshold', `a ${r.kind} rule has no threshold: remove it or set it to null`);
    }
    if (r.forIntervals !== undefined && !INTERVAL_KINDS.includes(r.kind))
      issue(
        'forIntervals',
        `forIntervals is for site-unreachable and data-stale rules; use forS for ${r.kind}`,
      );
    if (r.forIntervals !== undefined && r.forS > 0)
      issue('forS', 'give the hold as forS or as forIntervals, not both');
    if (r.kind === 'data-stale' && r.forIntervals === undefined && r.forS === 0)
      issue('forIntervals', 'a data-stale rule needs an age: set forIntervals (e.g. 3) or forS');
  });
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export type AlertRuleInput = z.input<typeof AlertRuleSchema>;

/** The hold of a rule in ms for a given poll interval (see forIntervals). */
export function ruleHoldMs(rule: Pick<AlertRule, 'forS' | 'forIntervals'>, intervalMs: number): number {
  return rule.forIntervals !== undefined ? rule.forIntervals * intervalMs : rule.forS * 1000;
}

/** The rules file the user edits (alerts.yaml); ids must be unique because alert keys are built from them. */
export const AlertRulesFileSchema = z
  .object({
    rules: z.array(AlertRuleSchema).superRefine((rules, ctx) => {
      const first = new Map<string, number>();
      rules.forEach((r, i) => {
        const j = first.get(r.id);
        if (j !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `rule ${i} repeats the id "${r.id}" of rule ${j}: give each rule its own id`,
          });
        else first.set(r.id, i);
      });
    }),
  })
  .strip();
export type AlertRulesFile = z.infer<typeof AlertRulesFileSchema>;

/**
 * The rules a fresh install starts with. Stale after 3 intervals matches the fleet's own "stale" node
 * status (FleetService staleIntervals), so the alert and the map agree on when a node went quiet.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  {
    id: 'gpu-temp-high',
    kind: 'gpu-temp',
    enabled: true,
    severity: 'critical',
    threshold: 85,
    forS: 60,
    clearS: 120,
  },
  { id: 'gpu-xid', kind: 'xid', enabled: true, severity: 'warning', threshold: null, forS: 0, clearS: 0 },
  {
    id: 'gpu-row-remap-failure',
    kind: 'row-remap-failure',
    enabled: true,
    severity: 'critical',
    threshold: null,
    forS: 0,
    clearS: 0,
  },
  {
    id: 'gpu-power-high',
    kind: 'gpu-power',
    enabled: true,
    severity: 'warning',
    threshold: 95,
    forS: 300,
    clearS: 120,
  },
  {
    id: 'node-down',
    kind: 'node-down',
    enabled: true,
    severity: 'critical',
    threshold: null,
    forS: 0,
    clearS: 60,
  },
  {
    id: 'site-unreachable',
    kind: 'site-unreachable',
    enabled: true,
    severity: 'critical',
    threshold: null,
    forS: 0,
    clearS: 0,
    forIntervals: 2,
  },
  {
    id: 'node-data-stale',
    kind: 'data-stale',
    enabled: true,
    severity: 'warning',
    threshold: null,
    forS: 0,
    clearS: 0,
    forIntervals: 3,
  },
  {
    id: 'residency-violation',
    kind: 'residency',
    enabled: true,
    severity: 'critical',
    threshold: null,
    forS: 0,
    clearS: 0,
  },
];

export const ALERT_STATES = ['pending', 'firing', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** The stable key of an alert: one per rule and subject, reused when a condition returns. */
export const alertKey = (
  ruleId: string,
  siteId: string,
  hostname: string | null,
  gpu: number | null,
): string => `${ruleId}|${siteId}|${hostname ?? ''}|${gpu ?? ''}`;

export const AlertSchema = z.object({
  key: z.string(),
  ruleId: z.string(),
  kind: AlertKindSchema,
  severity: AlertSeveritySchema,
  siteId: z.string(),
  /** Null for site-level alerts. */
  hostname: z.string().nullable(),
  /** GPU index on the node; null for node- and site-level alerts. */
  gpu: z.number().int().nonnegative().nullable(),
  /** Short, for the list row: "GPU 3 at 91 °C". */
  title: z.string(),
  /** A sentence a person can act on. */
  detail: z.string(),
  /**
   * The reading behind the alert: °C (gpu-temp), % of limit (gpu-power), the XID code (xid), the failure
   * count (row-remap-failure), seconds since the last success (data-stale); null otherwise or if unknown.
   */
  value: z.number().finite().nullable(),
  state: z.enum(ALERT_STATES),
  /** Epoch ms the condition was first seen true for this firing (a return after resolving starts anew). */
  firstSeen: z.number(),
  /** Epoch ms the condition was last seen true. */
  lastSeen: z.number(),
  resolvedAt: z.number().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.number().nullable(),
  /** Epoch ms; a silenced alert still evaluates but is flagged (no sound, no badge) until then. */
  silencedUntil: z.number().nullable(),
  silencedBy: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** Silenced is derived from the clock, never stored as a flag that could go stale. */
export const isSilenced = (a: Pick<Alert, 'silencedUntil'>, at: number): boolean =>
  a.silencedUntil !== null && a.silencedUntil > at;

/**
 * Common XIDs from NVIDIA's XID catalogue (docs.nvidia.com/deploy/xid-errors) with the first thing to do.
 * The value DCGM reports (DCGM_FI_DEV_XID_ERRORS) is the last XID since the driver loaded; 0 means none.
 */
export const XID_CATALOGUE: Readonly<Record<number, string>> = {
  13: 'Graphics engine exception — usually the job (bad kernel or out-of-range access); check it before the GPU',
  31: 'GPU memory page fault (MMU) — usually the job accessed invalid memory; check it before the GPU',
  43: 'GPU stopped processing (application fault) — the job faulted; the GPU itself is usually fine',
  48: 'Double-bit ECC error (DBE) — uncorrectable memory error; drain the node and reset the GPU, replace it if it recurs',
  63: 'ECC page retirement / row remapping recorded — reset the GPU when it is idle to apply the remap',
  64: 'ECC page retirement / row remapping failure — drain the node and replace the GPU',
  74: 'NVLink error — check the NVLink/NVSwitch links and fabric manager; reset the GPU, replace it if it recurs',
  79: 'GPU has fallen off the bus — drain the node and reseat/replace the GPU',
  92: 'High single-bit ECC error rate — the memory is degrading; plan to replace the GPU',
  94: 'Contained ECC error — the affected job was stopped; reset the GPU when it is idle',
  95: 'Uncontained ECC error — every job on the GPU was affected; drain the node and reset the GPU',
  119: 'GSP RPC timeout — the GPU System Processor stopped answering; reset the GPU or reboot the node',
  120: 'GSP error — the GPU System Processor reported an error; reset the GPU or reboot the node',
};

/** "XID 79: GPU has fallen off the bus — drain the node and reseat/replace the GPU". */
export function xidMeaning(code: number): string {
  const m = XID_CATALOGUE[code];
  return m ? `XID ${code}: ${m}` : `XID ${code}: see NVIDIA's XID catalogue`;
}

/** The XIDs that mean the GPU's data or presence is lost, not that a job misbehaved. */
const CRITICAL_XIDS: ReadonlySet<number> = new Set([48, 79]);

export const xidSeverity = (code: number): AlertSeverity =>
  CRITICAL_XIDS.has(code) ? 'critical' : 'warning';

/** An alert as the list shows it, silenced or not as of the list's time. */
export const AlertViewSchema = AlertSchema.extend({ silenced: z.boolean() });
export type AlertView = z.infer<typeof AlertViewSchema>;
export const AlertListSchema = z.object({
  at: z.number(),
  alerts: z.array(AlertViewSchema),
  rules: z.array(AlertRuleSchema),
  /** Problems with the rules file, shown beside the list. */
  notes: z.array(z.string()),
});
export type AlertList = z.infer<typeof AlertListSchema>;
