import { z } from 'zod';
import { AlertSchema } from './alerts';
import { JobSummarySchema, NodeSummarySchema, SchedulerNodeSchema } from './domain';

/**
 * The fleet-wide node table and the node page (issue 4). The table is paged on the core's side:
 * at 20,000 nodes the renderer asks for the rows on screen, sorted and filtered where the data is.
 */

const metric = z.number().finite().nullable();

export const NodeRowSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  country: z.string(),
  hostname: z.string(),
  model: z.string().nullable(),
  gpus: z.number().int().nonnegative(),
  status: NodeSummarySchema.shape.status,
  statusReason: z.string().nullable(),
  /** The scheduler's view: base state and flags as one word ("IDLE", "MIXED+DRAIN"); null without one. */
  schedulerState: z.string().nullable(),
  utilPct: metric,
  powerKw: metric,
  maxTempC: metric,
  lastXid: z.number().int().nullable(),
  /** Seconds since the node's last successful scrape; null if it never answered. */
  dataAgeS: metric,
  /** Firing alerts on the node (its GPUs included), and the worst one's severity. */
  alerts: z.number().int().nonnegative(),
  worstSeverity: z.enum(['critical', 'warning', 'info']).nullable(),
});
export type NodeRow = z.infer<typeof NodeRowSchema>;

export const NODE_SORT_KEYS = [
  'site',
  'country',
  'hostname',
  'model',
  'schedulerState',
  'utilPct',
  'powerKw',
  'maxTempC',
  'lastXid',
  'dataAgeS',
  'alerts',
] as const;
export type NodeSortKey = (typeof NODE_SORT_KEYS)[number];

export const NodeQuerySchema = z
  .object({
    /** Free text: matches hostname, site id or name, country, model, scheduler state (case-insensitive). */
    text: z.string().max(200).default(''),
    siteIds: z.array(z.string().max(128)).max(1000).default([]),
    countries: z.array(z.string().length(2)).max(300).default([]),
    models: z.array(z.string().max(128)).max(100).default([]),
    schedulerStates: z.array(z.string().max(64)).max(50).default([]),
    statuses: z.array(NodeSummarySchema.shape.status).max(4).default([]),
    /** Only nodes with at least this (°C / % / kW); null = no bound. */
    minTempC: metric.default(null),
    minUtilPct: metric.default(null),
    maxUtilPct: metric.default(null),
    withXid: z.boolean().default(false),
    withAlerts: z.boolean().default(false),
    sort: z.enum(NODE_SORT_KEYS).default('site'),
    desc: z.boolean().default(false),
  })
  .strict();
export type NodeQuery = z.infer<typeof NodeQuerySchema>;
export type NodeQueryInput = z.input<typeof NodeQuerySchema>;

export const NodePageSchema = z.object({
  at: z.number(),
  /** Nodes matching the query; `rows` is the slice [offset, offset + limit). */
  total: z.number().int().nonnegative(),
  /** Every node of the fleet. */
  fleetTotal: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(NodeRowSchema),
  /** The values the filters can take, over the whole fleet. */
  facets: z.object({
    countries: z.array(z.string()),
    models: z.array(z.string()),
    schedulerStates: z.array(z.string()),
  }),
});
export type NodePage = z.infer<typeof NodePageSchema>;

export const GpuRowSchema = z.object({
  index: z.number().int().nullable(),
  uuid: z.string(),
  model: z.string().nullable(),
  sampleAt: metric,
  utilPct: metric,
  powerW: metric,
  /** DCGM's power management limit if exported, else the model's default board power; null if unknown. */
  powerLimitW: metric,
  powerLimitSource: z.enum(['dcgm', 'model']).nullable(),
  tempC: metric,
  memTempC: metric,
  fbUsedMiB: metric,
  fbFreeMiB: metric,
  smClockMHz: metric,
  memClockMHz: metric,
  xid: z.number().int().nullable(),
  rowRemapFailure: metric,
});
export type GpuRow = z.infer<typeof GpuRowSchema>;

/** One GPU's retained samples (full resolution, the store's ring: about 15 minutes). */
export const GpuSeriesSchema = z.object({
  index: z.number().int().nullable(),
  t: z.array(z.number()),
  utilPct: z.array(metric),
  powerW: z.array(metric),
  tempC: z.array(metric),
});

export const TIMELINE_KINDS = ['alert', 'alert-resolved', 'state', 'action', 'ssh', 'workload'] as const;
export const TimelineEventSchema = z.object({
  t: z.number(),
  kind: z.enum(TIMELINE_KINDS),
  /** One line: "XID 79 on GPU 3 (critical)", "scheduler: IDLE → DOWN", "drained by alice". */
  text: z.string(),
  severity: z.enum(['critical', 'warning', 'info']).nullable(),
  /** The alert key, or the audit entry's seq, to link to. */
  ref: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** Availability as DePIN hosts are paid on it: uptime this month against 99 %, offline minutes a day against 30. */
export const SloSchema = z.object({
  monthUptimePct: metric,
  /** How much watching the figure rests on (the console was running). */
  monthWatchedMin: z.number().nonnegative(),
  days: z.array(z.object({ day: z.string(), watchedMin: z.number(), offlineMin: z.number() })),
  targets: z.object({ monthUptimePct: z.number(), offlineMinPerDay: z.number() }),
});
export type SloView = z.infer<typeof SloSchema>;

export const SiteHealthSchema = z.object({
  at: z.number(),
  siteId: z.string(),
  powerKw: metric,
  powerCapacityKw: metric,
  /** Capacity minus draw now; null when either is unknown. */
  headroomKw: metric,
  /** GPUs by model, and how many the scheduler has allocated (null without a scheduler). */
  capacity: z.array(
    z.object({ model: z.string(), gpus: z.number().int(), gpusUsed: z.number().int().nullable() }),
  ),
  /** Mean GPU utilisation per node and time column over the retained samples; null = no sample. */
  heatmap: z.object({
    t: z.array(z.number()),
    columnMs: z.number(),
    nodes: z.array(z.string()),
    util: z.array(z.array(metric)),
  }),
  slo: SloSchema,
  nodes: z.array(z.object({ hostname: z.string(), monthUptimePct: metric, offlineMinToday: metric })),
});
export type SiteHealth = z.infer<typeof SiteHealthSchema>;

export const NodeDetailSchema = z.object({
  at: z.number(),
  siteId: z.string(),
  siteName: z.string(),
  country: z.string(),
  node: NodeSummarySchema,
  scheduler: SchedulerNodeSchema.nullable(),
  gpus: z.array(GpuRowSchema),
  series: z.array(GpuSeriesSchema),
  /** Jobs the scheduler runs on this node now. */
  jobs: z.array(JobSummarySchema),
  alerts: z.array(AlertSchema.extend({ silenced: z.boolean() })),
  /** Newest first: alerts, scheduler state changes, drains and other actions, SSH sessions. */
  timeline: z.array(TimelineEventSchema),
  slo: SloSchema,
});
export type NodeDetail = z.infer<typeof NodeDetailSchema>;
