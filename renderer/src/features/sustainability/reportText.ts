import type { SustainabilitySummary } from '../../../../shared/sustainability';
import { countOf, formatShare, formatThreshold, formatWindow, measuredSince } from './wasteFormat';

/** "a, b and 3 more" by site name (ids the summary does not name are shown as they are). */
function siteList(ids: readonly string[], names: ReadonlyMap<string, string>, max = 8): string {
  const shown = ids.slice(0, max).map((id) => names.get(id) ?? id);
  const more = ids.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * How the report's figures were made, in sentences a reader can check: the idle rule, where energy
 * comes from, how gaps are treated, PUE, grid intensity (with its licence), what is missing and what
 * the core noted. Pure, so the wording is tested.
 */
export function reportMethodNotes(s: SustainabilitySummary): string[] {
  const m = s.method;
  const names = new Map(s.sites.map((r) => [r.key, r.label]));
  const { idleThresholdPct: pct, idleWindowS: win } = s.settings;
  const notes = [
    `Idle rule: a GPU is idle when its utilisation stays below ${formatThreshold(pct)}` +
      (win > 0
        ? ` for at least ${formatWindow(win)}; the whole run then counts. Shorter dips are not idle.`
        : '.') +
      ' A missing utilisation reading is not idle.',
    'Energy: from the GPU’s DCGM energy counter where it has one, else integrated power readings.',
    `Gaps are reported as coverage, not filled: coverage ${formatShare(s.fleet.coverage)} of the ` +
      `expected GPU-seconds; ${measuredSince(s.observedFrom, s.at)}.`,
    'Facility energy = IT energy × the site’s PUE.' +
      (m.sitesWithoutPue.length > 0
        ? ` ${countOf(m.sitesWithoutPue.length, 'site')} without a PUE (${siteList(m.sitesWithoutPue, names)}) ` +
          'counted at PUE 1.0: a lower bound.'
        : ''),
    `Grid intensity: ${m.carbonSource}${m.carbonYear === null ? '' : `, ${m.carbonYear}`}; ` +
      'a site’s own figure, where set, overrides its country’s. Country data CC BY-SA 4.0, Ember.',
    'Money is listed per currency at each site’s tariff, never converted or summed across currencies.',
  ];
  if (m.sitesWithoutTariff.length > 0)
    notes.push(
      `Without a tariff, not priced: ${siteList(m.sitesWithoutTariff, names)} ` +
        `(${countOf(m.sitesWithoutTariff.length, 'site')}).`,
    );
  if (m.sitesWithoutCarbon.length > 0)
    notes.push(
      `Without grid intensity, not in CO2e: ${siteList(m.sitesWithoutCarbon, names)} ` +
        `(${countOf(m.sitesWithoutCarbon.length, 'site')}).`,
    );
  notes.push(
    m.counterResets > 0
      ? `${countOf(m.counterResets, 'energy counter reset')} seen (a GPU reset or driver reload): energy ` +
          'after each reset is counted from the new value; a reset inside a long gap leaves that part missing.'
      : 'No energy counter resets seen.',
  );
  for (const n of m.notes) notes.push(`Note: ${n}`);
  return notes;
}
