import { z } from 'zod';

/**
 * The sustainability view's shapes (issue 8). Energy is booked by the core's ledger from measured
 * readings; money and CO2 are derived with each site's own tariff, PUE and grid intensity. Money is
 * never summed across currencies (there is no exchange rate to trust here): totals list one amount
 * per currency.
 */

export const SustainabilitySettingsSchema = z
  .object({
    /** A GPU below this utilisation (%) is idle… */
    idleThresholdPct: z
      .number()
      .min(0.5, 'the idle threshold is 0.5–100 %')
      .max(100, 'the idle threshold is 0.5–100 %'),
    /** …once it has stayed below it this long (s). */
    idleWindowS: z
      .number()
      .int('the idle window is whole seconds')
      .min(0)
      .max(86_400, 'the idle window is at most a day (86400 s)'),
  })
  .strict();
export type SustainabilitySettings = z.infer<typeof SustainabilitySettingsSchema>;
export const DEFAULT_SUSTAINABILITY_SETTINGS: SustainabilitySettings = {
  idleThresholdPct: 5,
  idleWindowS: 900,
};

export const PERIODS = ['hour', 'day', 'week', 'month'] as const;
export const PeriodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof PeriodSchema>;
export const PERIOD_MS: Record<Period, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

export const MoneySchema = z.object({ currency: z.string(), amount: z.number() });
export type Money = z.infer<typeof MoneySchema>;

const num = z.number().finite();
const metric = num.nullable();

/** One line of a leaderboard (a site, a country, a tenant, a GPU model, a node) or the fleet total. */
export const WasteRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Draw of the GPUs idle now; null when nothing reports. */
  idleKwNow: metric,
  idleGpusNow: z.number().int().nonnegative(),
  /** IT energy of idle GPUs over the period, kWh (measured). */
  idleItKwh: num,
  /** × PUE; equal to IT energy where a site has no PUE (see method.sitesWithoutPue). */
  idleFacilityKwh: num,
  totalItKwh: num,
  /** Idle share of all GPU energy; null when no energy was measured. */
  idleShare: metric,
  /** kg CO2e of the idle facility energy with known grid intensity. */
  kgCO2: metric,
  /** Idle facility kWh at sites without a grid intensity: not in kgCO2. */
  kwhWithoutCarbon: num,
  /** One amount per currency; idle energy at sites without a tariff is in kwhWithoutTariff. */
  money: z.array(MoneySchema),
  kwhWithoutTariff: num,
  /** Covered / expected GPU-seconds over the period (sites and their groups); null when not known. */
  coverage: metric,
});
export type WasteRow = z.infer<typeof WasteRowSchema>;

export const SiteWasteRowSchema = WasteRowSchema.extend({
  country: z.string(),
  /** First and last reading the ledger booked for this site; null before any. */
  observedFrom: metric,
  observedTo: metric,
  pue: metric,
  tariff: z.object({ currency: z.string(), perKwh: num }).nullable(),
  carbonGPerKwh: metric,
  carbonSource: z.enum(['override', 'country']).nullable(),
});
export type SiteWasteRow = z.infer<typeof SiteWasteRowSchema>;

export const SavingsSchema = z.object({
  /** Nodes whose every GPU is idle now: what powering them down (or capping them) would save. */
  nodes: z.number().int().nonnegative(),
  gpus: z.number().int().nonnegative(),
  itKw: num,
  perDay: z.object({
    facilityKwh: num,
    kgCO2: metric,
    money: z.array(MoneySchema),
  }),
  top: z.array(z.object({ siteId: z.string(), hostname: z.string(), itKw: num, gpus: z.number().int() })),
});
export type Savings = z.infer<typeof SavingsSchema>;

export const SustainabilitySummarySchema = z.object({
  at: num,
  period: PeriodSchema,
  /** Start of the buckets summed (aligned to the ring's resolution: minutes, hours or days). */
  from: num,
  to: num,
  /** First and last reading the ledger ever booked (kept across restarts); null before any. */
  observedFrom: metric,
  observedTo: metric,
  settings: SustainabilitySettingsSchema,
  fleet: WasteRowSchema,
  sites: z.array(SiteWasteRowSchema),
  countries: z.array(WasteRowSchema),
  tenants: z.array(WasteRowSchema),
  models: z.array(WasteRowSchema),
  /** The nodes with the most idle energy (at most 100); nodesTotal says how many have any. */
  nodes: z.array(WasteRowSchema),
  nodesTotal: z.number().int().nonnegative(),
  /** Idle IT kWh per bucket, stacked by site: the top sites and the rest as "other". */
  trend: z.object({
    t: z.array(num),
    bucketMs: num,
    series: z.array(z.object({ key: z.string(), label: z.string(), idleKwh: z.array(metric) })),
  }),
  savings: SavingsSchema,
  method: z.object({
    carbonSource: z.string(),
    carbonYear: metric,
    sitesWithoutTariff: z.array(z.string()),
    sitesWithoutPue: z.array(z.string()),
    sitesWithoutCarbon: z.array(z.string()),
    counterResets: z.number().int().nonnegative(),
    /** Problems the operator should know of (a bad settings file, a ledger that could not be read). */
    notes: z.array(z.string()),
  }),
});
export type SustainabilitySummary = z.infer<typeof SustainabilitySummarySchema>;
