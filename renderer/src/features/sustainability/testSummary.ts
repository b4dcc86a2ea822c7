import type { SiteWasteRow, SustainabilitySummary, WasteRow } from '../../../../shared/sustainability';

/** A waste row with every figure known, for tests; override what the case is about. */
export function wasteRow(key: string, over: Partial<WasteRow> = {}): WasteRow {
  return {
    key,
    label: key,
    idleKwNow: 1,
    idleGpusNow: 2,
    idleItKwh: 10,
    idleFacilityKwh: 12,
    totalItKwh: 40,
    idleShare: 0.25,
    kgCO2: 3,
    kwhWithoutCarbon: 0,
    money: [{ currency: 'EUR', amount: 2.4 }],
    kwhWithoutTariff: 0,
    coverage: 1,
    ...over,
  };
}

export function siteRow(key: string, over: Partial<SiteWasteRow> = {}): SiteWasteRow {
  return {
    ...wasteRow(key),
    country: 'DE',
    observedFrom: 1,
    observedTo: 2,
    pue: 1.2,
    tariff: { currency: 'EUR', perKwh: 0.2 },
    carbonGPerKwh: 250,
    carbonSource: 'country',
    ...over,
  };
}

/** A small but complete summary, for tests. */
export function summaryOf(over: Partial<SustainabilitySummary> = {}): SustainabilitySummary {
  return {
    at: Date.UTC(2025, 2, 12, 14, 5),
    period: 'day',
    from: Date.UTC(2025, 2, 11, 15),
    to: Date.UTC(2025, 2, 12, 14, 5),
    observedFrom: Date.UTC(2025, 2, 12, 9),
    observedTo: Date.UTC(2025, 2, 12, 14, 4),
    settings: { idleThresholdPct: 5, idleWindowS: 900 },
    fleet: wasteRow('fleet', { label: 'Fleet', coverage: 0.97 }),
    sites: [siteRow('eu-fra-1', { label: 'Frankfurt' }), siteRow('us-nyc-1', { label: 'New York' })],
    countries: [],
    tenants: [],
    models: [],
    nodes: [],
    nodesTotal: 0,
    trend: { t: [], bucketMs: 3_600_000, series: [] },
    savings: {
      nodes: 0,
      gpus: 0,
      itKw: 0,
      perDay: { facilityKwh: 0, kgCO2: null, money: [] },
      top: [],
    },
    method: {
      carbonSource: 'Ember (yearly electricity data) via CO2.js, CC BY-SA 4.0',
      carbonYear: 2024,
      sitesWithoutTariff: [],
      sitesWithoutPue: [],
      sitesWithoutCarbon: [],
      counterResets: 0,
      notes: [],
    },
    ...over,
  };
}
