import type { SiteProfile } from '../../../shared/siteProfile';
import type { SimSite } from './fleetLayout';
import { TENANTS } from './gpuPhysics';
import { hashString, rand01 } from './prng';

/**
 * What a simulated site pays for power and who rents its boxes, so the demo's sustainability page
 * has money, PUE and tenants to show. Tariffs are plausible 2024 industrial prices in the site's own
 * currency (there is no exchange rate to trust, so the page never converts).
 */
const TARIFFS: Record<string, [currency: string, perKwh: number]> = {
  DE: ['EUR', 0.2],
  NL: ['EUR', 0.17],
  FR: ['EUR', 0.15],
  FI: ['EUR', 0.09],
  IE: ['EUR', 0.22],
  ES: ['EUR', 0.13],
  IT: ['EUR', 0.19],
  AT: ['EUR', 0.17],
  BE: ['EUR', 0.16],
  PT: ['EUR', 0.12],
  GR: ['EUR', 0.15],
  SE: ['SEK', 0.9],
  NO: ['NOK', 0.8],
  DK: ['DKK', 1.1],
  PL: ['PLN', 0.75],
  CZ: ['CZK', 4.2],
  RO: ['RON', 0.85],
  CH: ['CHF', 0.2],
  GB: ['GBP', 0.2],
  IS: ['ISK', 12],
  US: ['USD', 0.09],
  CA: ['CAD', 0.1],
  MX: ['MXN', 2.4],
  BR: ['BRL', 0.7],
  CL: ['CLP', 120],
  CO: ['COP', 650],
  JP: ['JPY', 25],
  SG: ['SGD', 0.28],
  IN: ['INR', 8.5],
  KR: ['KRW', 160],
  AU: ['AUD', 0.22],
  ZA: ['ZAR', 2.6],
  AE: ['AED', 0.3],
  EG: ['EGP', 2.2],
  HK: ['HKD', 1.3],
  ID: ['IDR', 1450],
  IL: ['ILS', 0.55],
  KE: ['KES', 22],
  NG: ['NGN', 110],
  NZ: ['NZD', 0.2],
};

export function siteEconomics(
  seed: number,
  site: SimSite,
): Pick<SiteProfile, 'tariff' | 'pue' | 'reservations' | 'powerCapacityKw'> {
  const key = hashString(`${seed}/${site.id}/economics`);
  const t = TARIFFS[site.country];
  // Roughly the first half of the nodes is rented out in one or two blocks; the rest is the shared pool.
  const reserved = Math.floor(site.nodes.length * (0.3 + 0.4 * rand01(key, 1)));
  const split = Math.max(1, Math.floor(reserved * (0.4 + 0.3 * rand01(key, 2))));
  const tenant = (i: number) => TENANTS[Math.floor(rand01(key, 3, i) * TENANTS.length)]!;
  const hosts = (a: number, b: number) =>
    site.nodes
      .slice(a, b)
      .map((n) => n.hostname)
      .join(',');
  const reservations: NonNullable<SiteProfile['reservations']> = [];
  if (split > 0) reservations.push({ tenant: tenant(0), nodes: hosts(0, split) });
  if (reserved > split) reservations.push({ tenant: tenant(1), nodes: hosts(split, reserved) });
  return {
    ...(t ? { tariff: { currency: t[0], perKwh: t[1] } } : {}),
    pue: Math.round((1.12 + 0.38 * rand01(key, 4)) * 100) / 100,
    // Contracts are sized below every GPU at full power: busy sites run close to their limit.
    powerCapacityKw: Math.round(
      (site.nodes.reduce((w, n) => w + n.gpus.length * n.model.tdpW, 0) / 1000) *
        (0.75 + 0.2 * rand01(key, 5)),
    ),
    reservations,
  };
}
