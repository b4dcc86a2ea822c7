import { CITIES, type City } from './cities';
import { GPU_MODELS, type GpuModelSpec } from './gpuModels';
import { hashString, mulberry32 } from './prng';

/** The static shape of a simulated fleet: sites, nodes, GPUs. Built once from a seed. */

export interface SimGpu {
  index: number;
  uuid: string;
  pciBusId: string;
  idleW: number;
  ambientC: number;
  /** Energy counter value at simulation start, mJ (a GPU has been up for a while). */
  bootEnergyMj: number;
}

export interface SimNode {
  hostname: string;
  key: number;
  model: GpuModelSpec;
  gpus: SimGpu[];
  /** Never gets work: the idle capacity the sustainability view is about. */
  idle: boolean;
  /** Runs 12–18 °C hotter than its peers (a cooling fault). */
  hot: boolean;
  /** Offset of this node's job windows, so nodes do not all change at once. */
  phaseS: number;
}

export interface SimSite {
  id: string;
  name: string;
  city: string;
  country: string;
  continent: City['continent'];
  lat: number;
  lon: number;
  /** Local solar time offset for the daily load curve. */
  utcOffsetH: number;
  /** Site-level multiplier on load (some sites are busier than others). */
  loadBias: number;
  nodes: SimNode[];
}

export interface FleetLayout {
  seed: number;
  sites: SimSite[];
}

export interface LayoutOptions {
  seed: number;
  sites: number;
  /** A fixed count, or the inclusive range each site draws from. */
  nodesPerSite: number | [number, number];
}

// The eight PCI bus ids of an HGX board, as in the H100 fixture.
const PCI_BUSES = ['53', '64', '75', '86', '97', 'A8', 'B9', 'CA'];

function pickModel(r: number): GpuModelSpec {
  if (r < 0.35) return GPU_MODELS.H100;
  if (r < 0.65) return GPU_MODELS.H200;
  if (r < 0.85) return GPU_MODELS.A100;
  return GPU_MODELS.L40S;
}

function uuidFrom(rng: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `GPU-${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

export function buildFleetLayout(opts: LayoutOptions): FleetLayout {
  const rng = mulberry32(opts.seed ^ 0x5eed);
  const sites: SimSite[] = [];
  for (let s = 0; s < opts.sites; s++) {
    const city = CITIES[s % CITIES.length]!;
    const round = Math.floor(s / CITIES.length) + 1;
    const jitter = round === 1 ? 0 : 1;
    const id = `${city.continent}-${city.code}-${round}`;
    const [lo, hi] =
      typeof opts.nodesPerSite === 'number' ? [opts.nodesPerSite, opts.nodesPerSite] : opts.nodesPerSite;
    const nodeCount = lo + Math.floor(rng() * (hi - lo + 1));
    const primary = pickModel(rng());
    const site: SimSite = {
      id,
      name: `${city.name} ${round}`,
      city: city.name,
      country: city.country,
      continent: city.continent,
      lat: city.lat + jitter * (rng() - 0.5) * 0.6,
      lon: city.lon + jitter * (rng() - 0.5) * 0.6,
      utcOffsetH: Math.round(city.lon / 15),
      loadBias: 0.55 + rng() * 0.6,
      nodes: [],
    };
    for (let n = 0; n < nodeCount; n++) {
      const hostname = `${city.code}${round}-gpu-${String(n + 1).padStart(3, '0')}`;
      const model = rng() < 0.8 ? primary : pickModel(rng());
      const gpus: SimGpu[] = PCI_BUSES.map((bus, index) => ({
        index,
        uuid: uuidFrom(rng),
        pciBusId: `00000000:${bus}:00.0`,
        idleW: model.idleW[0] + rng() * (model.idleW[1] - model.idleW[0]),
        ambientC: 24 + rng() * 6,
        bootEnergyMj: Math.floor(rng() * 5e10),
      }));
      site.nodes.push({
        hostname,
        key: hashString(`${opts.seed}/${id}/${hostname}`),
        model,
        gpus,
        idle: rng() < 0.12,
        hot: rng() < 0.03,
        phaseS: Math.floor(rng() * 600),
      });
    }
    sites.push(site);
  }
  return { seed: opts.seed, sites };
}
