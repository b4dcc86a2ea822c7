import { SitesFileSchema, type SiteProfile, type SitesFile } from '../../../shared/siteProfile';
import { describeZodError } from '../../../shared/wire';

/**
 * `sites.json` in the config directory: the site profiles the console connects to. The simulator
 * prints its manifest in this same shape, so a simulated fleet is configured exactly like a real one.
 */
export { SitesFileSchema };
export type { SitesFile };
export type SiteConfig = SiteProfile;
export type { PromTelemetryConfig } from '../../../shared/siteProfile';

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
