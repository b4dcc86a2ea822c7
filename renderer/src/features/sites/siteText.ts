import type { SiteSummary } from '../../../../shared/domain';
import { countryName } from '../../lib/country';
import { formatKw, formatPct, formatStatus } from '../../lib/format';

/**
 * The accessible name of a site wherever it is an interactive thing (map marker): it starts with the
 * site's name so a screen reader user (and a test) finds it by name, then the numbers that matter.
 */
export function siteAccessibleName(site: SiteSummary): string {
  const util = site.utilPct === null ? 'utilisation no data' : `${formatPct(site.utilPct)} utilisation`;
  const power = site.powerKw === null ? 'power no data' : formatKw(site.powerKw);
  return `${site.name}, ${countryName(site.country)}: ${util}, ${power}, status ${formatStatus(site.status)}`;
}

export function sitePlace(site: SiteSummary): string {
  return site.city ? `${site.city}, ${countryName(site.country)}` : countryName(site.country);
}
