import type { SustainabilitySummary, WasteRow } from '../../../shared/sustainability';
import { csvCell } from '../audit/auditCsv';

const COLUMNS = [
  'dimension',
  'key',
  'label',
  'period_from',
  'period_to',
  'idle_kw_now',
  'idle_gpus_now',
  'idle_it_kwh',
  'idle_facility_kwh',
  'total_it_kwh',
  'idle_share',
  'kg_co2e',
  'kwh_without_carbon',
  'money',
  'kwh_without_tariff',
  'coverage',
];

const n = (v: number | null, digits = 4) => (v === null ? '' : v.toFixed(digits));

/**
 * Every leaderboard of a summary as one CSV: a `dimension` column (fleet, site, country, tenant,
 * model, node) so a spreadsheet can filter it. Missing values are empty cells, never 0; money is
 * one "amount CUR" per currency, never summed across currencies.
 */
export function sustainabilityCsv(s: SustainabilitySummary): string {
  const from = new Date(s.from).toISOString();
  const to = new Date(s.to).toISOString();
  const line = (dimension: string, r: WasteRow) =>
    [
      dimension,
      r.key,
      r.label,
      from,
      to,
      n(r.idleKwNow, 3),
      String(r.idleGpusNow),
      n(r.idleItKwh),
      n(r.idleFacilityKwh),
      n(r.totalItKwh),
      n(r.idleShare),
      n(r.kgCO2, 3),
      n(r.kwhWithoutCarbon),
      r.money.map((m) => `${m.amount.toFixed(2)} ${m.currency}`).join('; '),
      n(r.kwhWithoutTariff),
      n(r.coverage),
    ]
      .map(csvCell)
      .join(',');
  const rows = [
    line('fleet', s.fleet),
    ...s.sites.map((r) => line('site', r)),
    ...s.countries.map((r) => line('country', r)),
    ...s.tenants.map((r) => line('tenant', r)),
    ...s.models.map((r) => line('model', r)),
    ...s.nodes.map((r) => line('node', r)),
  ];
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
