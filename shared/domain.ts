import { z } from 'zod';

/**
 * Domain shapes that cross the boundary. Every metric is `number | null`: null means "no data"
 * (stale, not reported, N/A) and the UI shows it as such — never as a zero (STYLE.md rule 9).
 */

/** Connection states of a site; closed so every view renders each one deliberately. */
export const SITE_STATUSES = [
  'connecting',
  'ok',
  'degraded',
  'stale',
  'unreachable',
  'auth-failed',
  'misconfigured',
] as const;
export const SiteStatusSchema = z.enum(SITE_STATUSES);
export type SiteStatus = z.infer<typeof SiteStatusSchema>;

const metric = z.number().finite().nullable();

export const SiteSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  /** ISO 3166-1 alpha-2 */
  country: z.string().length(2),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  status: SiteStatusSchema,
  /** Why the site is not ok, in words a person can act on; null when ok. */
  statusReason: z.string().nullable(),
  nodes: z.number().int().nonnegative(),
  nodesReporting: z.number().int().nonnegative(),
  gpus: z.number().int().nonnegative(),
  gpusReporting: z.number().int().nonnegative(),
  utilPct: metric,
  powerKw: metric,
  /**
   * Draw of the site's GPUs that are idle now (below the idle threshold for the idle window, issue 8),
   * measured watts; null until the site has reported.
   */
  idleKw: metric,
  /** GPUs idle now by the same rule. */
  idleGpus: z.number().int().nonnegative(),
  /** Epoch ms of the last successful scrape of any node; null if never. */
  lastSuccessAt: z.number().nullable(),
  models: z.array(z.string()),
});
export type SiteSummary = z.infer<typeof SiteSummarySchema>;

export const FleetTotalsSchema = z.object({
  at: z.number(),
  sitesTotal: z.number().int().nonnegative(),
  sitesUp: z.number().int().nonnegative(),
  gpus: z.number().int().nonnegative(),
  gpusReporting: z.number().int().nonnegative(),
  utilPct: metric,
  powerKw: metric,
});
export type FleetTotals = z.infer<typeof FleetTotalsSchema>;

/** A time series in columns; null entries are gaps and are drawn as gaps. */
export const SeriesSchema = z.object({
  t: z.array(z.number()),
  utilPct: z.array(metric),
  powerKw: z.array(metric),
});
export type Series = z.infer<typeof SeriesSchema>;

export const SeriesPointSchema = z.object({ t: z.number(), utilPct: metric, powerKw: metric });
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

/** A node as the site's scheduler sees it (Slurm: base state + flags such as DRAIN). */
export const SchedulerNodeSchema = z.object({
  state: z.string(),
  flags: z.array(z.string()),
  reason: z.string().nullable(),
  gpusUsed: z.number().int().nullable(),
  gpusTotal: z.number().int().nullable(),
});

export const JobSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.string(),
  stateReason: z.string().nullable(),
  nodes: z.array(z.string()),
  gpus: z.number().int().nullable(),
  account: z.string().nullable(),
  user: z.string().nullable(),
  comment: z.string().nullable(),
  /** Epoch ms */
  startTime: z.number().nullable(),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const NODE_STATUSES = ['ok', 'stale', 'no-data', 'error'] as const;
export const NodeSummarySchema = z.object({
  hostname: z.string(),
  status: z.enum(NODE_STATUSES),
  statusReason: z.string().nullable(),
  gpus: z.number().int().nonnegative(),
  model: z.string().nullable(),
  utilPct: metric,
  powerKw: metric,
  maxTempC: metric,
  /** Last XID error any GPU of the node reported; null when none. */
  lastXid: z.number().int().nullable(),
  lastSuccessAt: z.number().nullable(),
  /** Null when the site has no scheduler configured or it does not know this node. */
  scheduler: SchedulerNodeSchema.nullable(),
});
export type NodeSummary = z.infer<typeof NodeSummarySchema>;

export const SiteDetailSchema = z.object({
  site: SiteSummarySchema,
  nodes: z.array(NodeSummarySchema),
  history: SeriesSchema,
  /** The site's scheduler: whether it answered, and its jobs; null when none is configured. */
  scheduler: z
    .object({
      kind: z.literal('slurm'),
      ok: z.boolean(),
      message: z.string().nullable(),
      at: z.number().nullable(),
      jobs: z.array(JobSummarySchema),
    })
    .nullable(),
});
export type SiteDetail = z.infer<typeof SiteDetailSchema>;

export const FleetSnapshotSchema = z.object({
  totals: FleetTotalsSchema,
  sites: z.array(SiteSummarySchema),
});
export type FleetSnapshot = z.infer<typeof FleetSnapshotSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which shell the core runs in; the renderer shows it but never branches on it. */
  shell: z.enum(['desktop', 'served', 'test']),
  fleetSource: z.enum(['demo', 'configured']),
  configDir: z.string().nullable(),
  intervalMs: z.number().int().positive(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
