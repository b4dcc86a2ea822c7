import { stringify } from 'yaml';
import { parseYamlWith, type YamlResult } from './parseYaml';
import { SitesFileSchema, type SiteProfile, type SitesFile } from '../../../shared/siteProfile';

/**
 * The whole fleet as one YAML file, for import and export (issue 3). Errors name the line and the
 * field: a YAML syntax error by its position, a schema error by the line of the offending value.
 */
export function exportFleetYaml(sites: readonly SiteProfile[], now = new Date()): string {
  return (
    `# Fleet Console site profiles, exported ${now.toISOString()}\n` +
    '# Secrets are not included: fields named secret/tokenSecret hold names in the secret store.\n' +
    stringify({ sites }, { lineWidth: 0 })
  );
}

export type FleetYamlResult = YamlResult<SitesFile>;

export function parseFleetYaml(text: string, maxErrors = 20): FleetYamlResult {
  return parseYamlWith(SitesFileSchema, text, maxErrors);
}
