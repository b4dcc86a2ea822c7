import { z } from 'zod';

/**
 * A site profile (issue 3): where a site is, what its energy costs, and how to reach its telemetry,
 * its scheduler and its bastion. Declared once here so the core validates stored and imported
 * profiles and the renderer validates the form with the same rules. Secrets are never part of a
 * profile: fields named `secret` hold the *name* of a value in the secret store.
 */
const SecretNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9._/-]{1,128}$/,
    'a secret name: letters, digits, . _ / - (the value lives in the secret store)',
  );

const HttpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' });

export const DcgmEndpointSchema = z.object({ hostname: z.string().min(1).max(253), url: HttpUrl }).strict();

export const DcgmTelemetrySchema = z
  .object({
    kind: z.literal('dcgm'),
    endpoints: z.array(DcgmEndpointSchema).default([]),
    /** Find the endpoints from the scheduler's node list: each node's address, this port and path. */
    discover: z
      .object({
        port: z.number().int().min(1).max(65535).default(9400),
        path: z.string().regex(/^\//, 'a path such as /metrics').default('/metrics'),
        scheme: z.enum(['http', 'https']).default('http'),
      })
      .strict()
      .optional(),
  })
  .strict();

export const PromTelemetrySchema = z
  .object({
    kind: z.literal('prometheus'),
    url: HttpUrl,
    /** Extra label matchers that pick this site's dcgm-exporter series, e.g. job="dcgm",site="fra1". */
    selector: z.string().max(500).optional(),
    auth: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('bearer'), secret: SecretNameSchema }).strict(),
        z
          .object({
            kind: z.literal('basic'),
            username: z.string().min(1).max(200),
            secret: SecretNameSchema,
          })
          .strict(),
      ])
      .optional(),
    /** PEM file of the CA that signed the site's Prometheus certificate. */
    caFile: z.string().min(1).max(4096).optional(),
    /**
     * per-gpu: every GPU's series; per-node: the site's Prometheus aggregates by host, so the console's
     * work grows with nodes, not GPUs (DESIGN.md, Scale); auto: per-node above 1,024 GPUs.
     */
    mode: z.enum(['auto', 'per-gpu', 'per-node']).optional(),
  })
  .strict();
export type PromTelemetryConfig = z.infer<typeof PromTelemetrySchema>;

export const TelemetrySchema = z.discriminatedUnion('kind', [DcgmTelemetrySchema, PromTelemetrySchema]);

export const SlurmSchedulerSchema = z
  .object({
    kind: z.literal('slurm'),
    /** slurmrestd base URL (v0.0.38 on 22.05). */
    url: HttpUrl,
    user: z.string().min(1).max(64),
    /** The JWT for X-SLURM-USER-TOKEN. */
    tokenSecret: SecretNameSchema,
    /** Where drain/resume/requeue run on 22.05, whose REST cannot: locally or on the controller over SSH. */
    scontrol: z
      .discriminatedUnion('via', [
        z.object({ via: z.literal('local'), slurmConf: z.string().max(4096).optional() }).strict(),
        z
          .object({
            via: z.literal('ssh'),
            host: z.string().min(1).max(253),
            user: z.string().max(64).optional(),
          })
          .strict(),
      ])
      .default({ via: 'local' }),
  })
  .strict();

export const BastionSchema = z
  .object({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535).default(22),
    user: z.string().min(1).max(64),
    auth: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('agent') }).strict(),
        z
          .object({
            kind: z.literal('key'),
            keyFile: z.string().min(1),
            passphraseSecret: SecretNameSchema.optional(),
          })
          .strict(),
        z.object({ kind: z.literal('password'), secret: SecretNameSchema }).strict(),
      ])
      .default({ kind: 'agent' }),
    /** The port the nodes' sshd listens on, reached through the bastion. */
    nodePort: z.number().int().min(1).max(65535).default(22),
    /** OpenSSH-style SHA256:… fingerprints trusted without a prompt. */
    hostKeys: z
      .array(z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'a fingerprint like SHA256:…'))
      .default([]),
  })
  .strict();

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A Slurm-style hostlist ("gpu-[01-16],gpu-20"): letters, digits, . _ - , and balanced [ ]. */
const isHostlist = (v: string) => {
  if (!/^[A-Za-z0-9._\-[\],]+$/.test(v)) return false;
  let depth = 0;
  for (const ch of v) {
    depth += ch === '[' ? 1 : ch === ']' ? -1 : 0;
    if (depth < 0 || depth > 1) return false;
  }
  return depth === 0;
};

const ReservationSchema = z
  .object({
    tenant: z.string().min(1, 'name the tenant').max(128),
    nodes: z
      .string()
      .max(4096)
      .refine(isHostlist, 'a hostlist such as gpu-[01-08],gpu-12 (letters, digits, . _ - , and [ ])'),
  })
  .strict();

export const SiteProfileSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and "-" (e.g. eu-fra-1)'),
    name: z.string().min(1, 'give the site a name').max(120),
    city: z.string().max(120).default(''),
    country: z.string().regex(/^[A-Z]{2}$/, 'use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)'),
    /** ISO 3166-2, e.g. DE-HE; residency rules may name one. */
    subdivision: z
      .string()
      .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code like DE-HE')
      .optional(),
    lat: z.number().min(-90, 'latitude is -90 to 90').max(90, 'latitude is -90 to 90'),
    lon: z.number().min(-180, 'longitude is -180 to 180').max(180, 'longitude is -180 to 180'),
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin').optional(),
    tariff: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like EUR'),
        perKwh: z
          .number()
          .nonnegative()
          .max(
            100_000,
            'a price per kWh in the currency given (at most 100000: KRW, COP and IDR run into hundreds or thousands)',
          ),
      })
      .strict()
      .optional(),
    /** The power the site's contract allows its GPUs (kW): the site page shows headroom against it. */
    powerCapacityKw: z.number().positive().max(1_000_000).optional(),
    /** Power usage effectiveness: facility energy = IT energy × PUE. */
    pue: z.number().min(1, 'PUE is at least 1.0').max(3).optional(),
    /** Overrides the country's grid carbon intensity (gCO2e/kWh), e.g. for an on-site PPA. */
    carbonGPerKwh: z.number().nonnegative().max(2000).optional(),
    labels: z.record(z.string().max(63), z.string().max(253)).optional(),
    /**
     * Nodes reserved for a tenant (dedicated bare-metal boxes): idle energy on them is that tenant's
     * waste; nodes in none are the shared pool.
     */
    reservations: z.array(ReservationSchema).max(1000).optional(),
    telemetry: TelemetrySchema,
    scheduler: SlurmSchedulerSchema.optional(),
    bastion: BastionSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.telemetry.kind !== 'dcgm') return;
    if (p.telemetry.endpoints.length === 0 && !p.telemetry.discover)
      ctx.addIssue({
        code: 'custom',
        path: ['telemetry', 'endpoints'],
        message: 'list at least one node endpoint, or discover them from the scheduler',
      });
    if (p.telemetry.discover && !p.scheduler)
      ctx.addIssue({
        code: 'custom',
        path: ['telemetry', 'discover'],
        message: 'discovering endpoints needs a scheduler: configure Slurm for this site',
      });
  });
export type SiteProfile = z.infer<typeof SiteProfileSchema>;
export type SiteProfileInput = z.input<typeof SiteProfileSchema>;

export const SitesFileSchema = z
  .object({
    sites: z.array(SiteProfileSchema).superRefine((sites, ctx) => {
      const seen = new Set<string>();
      sites.forEach((s, i) => {
        if (seen.has(s.id))
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate site id "${s.id}"` });
        seen.add(s.id);
      });
    }),
  })
  .strip();
export type SitesFile = z.infer<typeof SitesFileSchema>;
