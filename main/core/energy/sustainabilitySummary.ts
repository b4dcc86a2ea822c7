import {
  PERIOD_MS,
  type Money,
  type Period,
  type Savings,
  type SiteWasteRow,
  type SustainabilitySettings,
  type SustainabilitySummary,
  type WasteRow,
} from '../../../shared/sustainability';
import { carbonFor, type CarbonTable } from './carbonTable';
import { energyCost } from './energyMath';
import { DIM_FIELDS, SITE_FIELDS, type EnergyLedger, type Rings } from './energyLedger';

/** What the summary needs to know of a site besides its ledger: its place and its energy factors. */
export interface SiteFactors {
  id: string;
  name: string;
  country: string;
  pue?: number;
  tariff?: { currency: string; perKwh: number };
  carbonGPerKwh?: number;
}

/** Idle draw now, measured from the latest readings (the fleet service adds it up per GPU). */
export interface IdleNow {
  kw: number;
  gpus: number;
  /** GPUs with a fresh reading: when 0, "idle now" is unknown, not zero. */
  reporting: number;
}
export interface SiteIdleNow extends IdleNow {
  nodes: Map<string, IdleNow & { gpusTotal: number }>;
  tenants: Map<string, IdleNow>;
  models: Map<string, IdleNow>;
}

export interface SummaryInput {
  ledger: EnergyLedger;
  sites: readonly SiteFactors[];
  carbon: CarbonTable | null;
  idleNow: ReadonlyMap<string, SiteIdleNow>;
  settings: SustainabilitySettings;
  now: number;
  period: Period;
}

/** A row being added up: sums only, turned into a WasteRow at the end. */
class Acc {
  idleIt = 0;
  idleFac = 0;
  totalIt = 0;
  kg = 0;
  kgKnown = false;
  kwhWithoutCarbon = 0;
  kwhWithoutTariff = 0;
  money = new Map<string, number>();
  covered = 0;
  expected = 0;
  nowKw = 0;
  nowGpus = 0;
  nowReporting = 0;

  constructor(
    readonly key: string,
    readonly label: string,
  ) {}

  addEnergy(idleIt: number, totalIt: number, f: SiteFactors, carbon: number | null): void {
    const c = energyCost(idleIt, {
      pue: f.pue ?? 1,
      tariff: f.tariff ?? null,
      carbonGPerKwh: carbon,
    });
    this.idleIt += idleIt;
    this.idleFac += c.facilityKWh;
    this.totalIt += totalIt;
    if (c.kgCO2 === null) this.kwhWithoutCarbon += c.facilityKWh;
    else {
      this.kg += c.kgCO2;
      this.kgKnown = true;
    }
    if (c.money === null) this.kwhWithoutTariff += c.facilityKWh;
    else this.money.set(c.money.currency, (this.money.get(c.money.currency) ?? 0) + c.money.amount);
  }

  addNow(n: IdleNow | undefined): void {
    if (!n) return;
    this.nowKw += n.kw;
    this.nowGpus += n.gpus;
    this.nowReporting += n.reporting;
  }

  merge(o: Acc): void {
    this.idleIt += o.idleIt;
    this.idleFac += o.idleFac;
    this.totalIt += o.totalIt;
    this.kg += o.kg;
    this.kgKnown ||= o.kgKnown;
    this.kwhWithoutCarbon += o.kwhWithoutCarbon;
    this.kwhWithoutTariff += o.kwhWithoutTariff;
    for (const [c, a] of o.money) this.money.set(c, (this.money.get(c) ?? 0) + a);
    this.covered += o.covered;
    this.expected += o.expected;
    this.nowKw += o.nowKw;
    this.nowGpus += o.nowGpus;
    this.nowReporting += o.nowReporting;
  }

  row(withCoverage: boolean): WasteRow {
    return {
      key: this.key,
      label: this.label,
      idleKwNow: this.nowReporting > 0 ? this.nowKw : null,
      idleGpusNow: this.nowGpus,
      idleItKwh: this.idleIt,
      idleFacilityKwh: this.idleFac,
      totalItKwh: this.totalIt,
      idleShare: this.totalIt > 0 ? this.idleIt / this.totalIt : null,
      kgCO2: this.kgKnown ? this.kg : null,
      kwhWithoutCarbon: this.kwhWithoutCarbon,
      money: moneyList(this.money),
      kwhWithoutTariff: this.kwhWithoutTariff,
      coverage: withCoverage && this.expected > 0 ? Math.min(1, this.covered / this.expected) : null,
    };
  }
}

const moneyList = (m: Map<string, number>): Money[] =>
  [...m].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));

const byIdle = (a: WasteRow, b: WasteRow) => b.idleItKwh - a.idleItKwh || a.key.localeCompare(b.key);

/**
 * The sustainability page's numbers for one period, from the ledger and each site's factors: pure,
 * so a figure on the page can be traced to the buckets and factors it came from.
 */
export function sustainabilitySummary(input: SummaryInput): SustainabilitySummary {
  const { ledger, now, period } = input;
  const P = PERIOD_MS[period];
  const to = now + 1;
  const fleet = new Acc('fleet', 'Fleet');
  const countries = new Map<string, Acc>();
  const tenants = new Map<string, Acc>();
  const models = new Map<string, Acc>();
  const nodes: WasteRow[] = [];
  const siteRows: SiteWasteRow[] = [];
  const method = {
    sitesWithoutTariff: [] as string[],
    sitesWithoutPue: [] as string[],
    sitesWithoutCarbon: [] as string[],
  };
  const trendBySite: { key: string; label: string; idleKwh: (number | null)[]; total: number }[] = [];
  let trendT: number[] = [];
  let trendBucket = 60_000;
  let from = now - P;
  const sum = (rings: Rings, field: number) => {
    const r = rings.ringFor(P);
    return r.sum(Math.ceil((now - P) / r.bucketMs) * r.bucketMs, to, field);
  };
  const group = (m: Map<string, Acc>, key: string, label = key) => {
    let a = m.get(key);
    if (!a) m.set(key, (a = new Acc(key, label)));
    return a;
  };

  for (const f of input.sites) {
    const book = ledger.siteBook(f.id);
    const carbon = input.carbon
      ? carbonFor(input.carbon, f.country, f.carbonGPerKwh)
      : (f.carbonGPerKwh ?? null);
    if (!f.tariff) method.sitesWithoutTariff.push(f.id);
    if (f.pue === undefined) method.sitesWithoutPue.push(f.id);
    if (carbon === null) method.sitesWithoutCarbon.push(f.id);
    const now_ = input.idleNow.get(f.id);
    const site = new Acc(f.id, f.name);
    site.addEnergy(sum(book.rings, SITE_FIELDS.idleKwh), sum(book.rings, SITE_FIELDS.totalKwh), f, carbon);
    site.covered = sum(book.rings, SITE_FIELDS.coveredGpuS);
    site.expected = sum(book.rings, SITE_FIELDS.expectedGpuS);
    site.addNow(now_);
    siteRows.push({
      ...site.row(true),
      country: f.country,
      observedFrom: book.firstAt,
      observedTo: book.lastAt,
      pue: f.pue ?? null,
      tariff: f.tariff ?? null,
      carbonGPerKwh: carbon,
      carbonSource: f.carbonGPerKwh !== undefined ? 'override' : carbon === null ? null : 'country',
    });
    fleet.merge(site);
    group(countries, f.country).merge(site);
    for (const [dims, target, shape] of [
      [book.tenants, tenants, 'tenants'],
      [book.models, models, 'models'],
    ] as const)
      for (const [key, rings] of dims) {
        const a = new Acc(key, key);
        a.addEnergy(sum(rings, DIM_FIELDS.idleKwh), sum(rings, DIM_FIELDS.totalKwh), f, carbon);
        a.addNow(now_?.[shape].get(key));
        group(target, key).merge(a);
      }
    for (const [host, rings] of book.nodes) {
      const a = new Acc(`${f.id}/${host}`, host);
      a.addEnergy(sum(rings, DIM_FIELDS.idleKwh), sum(rings, DIM_FIELDS.totalKwh), f, carbon);
      a.addNow(now_?.nodes.get(host));
      if (a.idleIt > 0 || a.nowGpus > 0) nodes.push(a.row(false));
    }
    const ring = book.rings.ringFor(P);
    from = Math.ceil((now - P) / ring.bucketMs) * ring.bucketMs;
    const series = ring.series(from, to, SITE_FIELDS.idleKwh);
    trendT = series.map((p) => p.t);
    trendBucket = ring.bucketMs;
    trendBySite.push({ key: f.id, label: f.name, idleKwh: series.map((p) => p.v), total: site.idleIt });
  }

  nodes.sort(byIdle);
  return {
    at: now,
    period,
    from,
    to: now,
    observedFrom: ledger.firstAt,
    observedTo: ledger.lastAt,
    settings: input.settings,
    fleet: fleet.row(true),
    sites: siteRows.sort(byIdle),
    countries: [...countries.values()].map((a) => a.row(true)).sort(byIdle),
    tenants: [...tenants.values()].map((a) => a.row(false)).sort(byIdle),
    models: [...models.values()].map((a) => a.row(false)).sort(byIdle),
    nodes: nodes.slice(0, 100),
    nodesTotal: nodes.length,
    trend: { t: trendT, bucketMs: trendBucket, series: stackTop(trendBySite, trendT.length, 7) },
    savings: savings(input),
    method: {
      carbonSource: input.carbon?.source ?? 'no carbon table loaded',
      carbonYear: input.carbon?.year ?? null,
      ...method,
      counterResets: ledger.resets,
      notes: [],
    },
  };
}

/** The top `n` sites by idle energy as their own series, the rest summed as "other". */
function stackTop(
  all: { key: string; label: string; idleKwh: (number | null)[]; total: number }[],
  length: number,
  n: number,
) {
  const sorted = [...all].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  const top = sorted.slice(0, n).map(({ key, label, idleKwh }) => ({ key, label, idleKwh }));
  const rest = sorted.slice(n);
  if (rest.length === 0) return top;
  const other: (number | null)[] = Array.from({ length }, (_, i) => {
    const vs = rest.map((s) => s.idleKwh[i]).filter((v): v is number => v !== null && v !== undefined);
    return vs.length ? vs.reduce((x, y) => x + y, 0) : null;
  });
  return [...top, { key: 'other', label: `${rest.length} other sites`, idleKwh: other }];
}

/** What powering down the nodes that are wholly idle now would save in a day, at each site's factors. */
function savings(input: SummaryInput): Savings {
  let nodesIdle = 0;
  let gpus = 0;
  let itKw = 0;
  let kg = 0;
  let kgKnown = false;
  let facilityKwh = 0;
  const money = new Map<string, number>();
  const top: Savings['top'] = [];
  for (const f of input.sites) {
    const now = input.idleNow.get(f.id);
    if (!now) continue;
    const carbon = input.carbon
      ? carbonFor(input.carbon, f.country, f.carbonGPerKwh)
      : (f.carbonGPerKwh ?? null);
    for (const [hostname, n] of now.nodes) {
      if (n.gpusTotal === 0 || n.gpus < n.gpusTotal) continue;
      nodesIdle++;
      gpus += n.gpus;
      itKw += n.kw;
      top.push({ siteId: f.id, hostname, itKw: n.kw, gpus: n.gpus });
      const c = energyCost(n.kw * 24, { pue: f.pue ?? 1, tariff: f.tariff ?? null, carbonGPerKwh: carbon });
      facilityKwh += c.facilityKWh;
      if (c.kgCO2 !== null) {
        kg += c.kgCO2;
        kgKnown = true;
      }
      if (c.money) money.set(c.money.currency, (money.get(c.money.currency) ?? 0) + c.money.amount);
    }
  }
  top.sort(
    (a, b) => b.itKw - a.itKw || a.siteId.localeCompare(b.siteId) || a.hostname.localeCompare(b.hostname),
  );
  return {
    nodes: nodesIdle,
    gpus,
    itKw,
    perDay: { facilityKwh, kgCO2: kgKnown ? kg : null, money: moneyList(money) },
    top: top.slice(0, 20),
  };
}
