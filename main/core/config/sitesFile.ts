import { z } from 'zod';
import { describeZodError } from '../../../shared/wire';

/**
 * `sites.json` in the config directory: the sites the console connects to. The simulator prints its
 * manifest in this same shape, so a simulated fleet is configured exactly like a real one.
 * (Issue 3 grows this into full site profiles with YAML import/export.)
 */
export const DcgmEndpointSchema = z
  .object({
    hostname: z.string().min(1).max(253),
    url: z.url({ protocol: /^https?$/ }),
  })
  .strict();

const SecretNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9._/-]{1,128}$/,
    'a secret name: letters, digits, . _ / - (the value lives in the secret store)',
  );

export const PromTelemetrySchema = z
  .object({
    kind: z.literal('prometheus'),
    url: z.url({ protocol: /^https?$/ }),
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
  })
  .strict();
export type PromTelemetryConfig = z.infer<typeof PromTelemetrySchema>;

export const DcgmTelemetrySchema = z
  .object({
    kind: z.literal('dcgm'),
    endpoints: z.array(DcgmEndpointSchema).min(1),
  })
  .strict();

export const SiteConfigSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and "-" (e.g. eu-fra-1)'),
    name: z.string().min(1).max(120),
    city: z.string().max(120).default(''),
    country: z.string().regex(/^[A-Z]{2}$/, 'use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)'),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    telemetry: z.discriminatedUnion('kind', [DcgmTelemetrySchema, PromTelemetrySchema]),
  })
  .strict();
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

export const SitesFileSchema = z
  .object({
    sites: z.array(SiteConfigSchema).superRefine((sites, ctx) => {
      const seen = new Set<string>();
      sites.forEach((s, i) => {
        if (seen.has(s.id))
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate site id "${s.id}"` });
        seen.add(s.id);
      });
    }),
  })
  .passthrough();
export type SitesFile = z.infer<typeof SitesFileSchema>;

export type ParsedSites = { ok: true; value: SitesFile } | { ok: false; message: string };

/** Parses the file's text; the message names the file and the field path that is wrong. */
export function parseSitesFile(text: string, fileName: string): ParsedSites {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${fileName} is not valid JSON: ${(e as Error).message}` };
  }
  const parsed = SitesFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `${fileName}: ${describeZodError(parsed.error)}` };
  return { ok: true, value: parsed.data };
}
