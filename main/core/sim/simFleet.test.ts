import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FLEET } from '../createCore';
import { readDcgmSamples } from '../telemetry/dcgm';
import { parseExposition, type Sample } from '../telemetry/exposition';
import { SimFleet } from './simFleet';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);

function parse(text: string): { samples: Sample[]; meta: Map<string, { help?: string; type?: string }> } {
  const r = parseExposition(text);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return r.value;
}

describe('the default demo fleet', () => {
  const fleet = new SimFleet(DEMO_FLEET, () => T0);
  const sites = fleet.sites;

  it('has 24 real sites in at least 14 countries on at least 4 continents', () => {
    expect(sites).toHaveLength(24);
    expect(new Set(sites.map((s) => s.country)).size).toBeGreaterThanOrEqual(14);
    expect(new Set(sites.map((s) => s.continent)).size).toBeGreaterThanOrEqual(4);
    for (const s of sites) expect(s.country).toMatch(/^[A-Z]{2}$/);
  });

  it('has 4 to 32 nodes a site, 8 GPUs a node, mixed models, and some idle and hot nodes', () => {
    const nodes = sites.flatMap((s) => s.nodes);
    for (const s of sites) {
      expect(s.nodes.length).toBeGreaterThanOrEqual(4);
      expect(s.nodes.length).toBeLessThanOrEqual(32);
    }
    for (const n of nodes) expect(n.gpus).toHaveLength(8);
    expect(new Set(nodes.map((n) => n.model.key))).toEqual(new Set(['H200', 'H100', 'A100', 'L40S']));
    expect(nodes.some((n) => n.idle)).toBe(true);
    expect(nodes.some((n) => n.hot)).toBe(true);
    expect(new Set(nodes.flatMap((n) => n.gpus.map((g) => g.uuid))).size).toBe(nodes.length * 8);
  });

  it('draws realistic idle power (60–100 W on H100/H200) and never more than the board limit', () => {
    for (const site of sites)
      for (const node of site.nodes) {
        const frames = fleet.frames(site, node);
        frames.forEach((f) => {
          expect(f.powerW).toBeLessThanOrEqual(node.model.tdpW);
          if (f.utilPct === 0 && (node.model.key === 'H100' || node.model.key === 'H200')) {
            expect(f.powerW).toBeGreaterThan(55);
            expect(f.powerW).toBeLessThan(105);
          }
        });
      }
  });

  it('is deterministic from its seed and differs for another seed', () => {
    const again = new SimFleet(DEMO_FLEET, () => T0);
    const other = new SimFleet({ ...DEMO_FLEET, seed: 7 }, () => T0);
    const s = sites[3]!;
    expect(again.metricsText(again.sites[3]!, again.sites[3]!.nodes[0]!)).toBe(
      fleet.metricsText(s, s.nodes[0]!),
    );
    expect(other.sites[3]!.nodes[0]!.gpus[0]!.uuid).not.toBe(s.nodes[0]!.gpus[0]!.uuid);
  });
});

describe('simulated dcgm-exporter output', () => {
  let now = T0;
  const fleet = new SimFleet({ seed: 1, sites: 2, nodesPerSite: 2 }, () => now);
  const site = fleet.sites[0]!;
  const node = site.nodes[0]!;
  const sim = parse(fleet.metricsText(site, node));
  const real = parse(readFileSync(join(FIXTURES, 'dcgm-exporter-h100-8gpu.txt'), 'utf8'));
  const counters = readFileSync(join(FIXTURES, 'dcgm-exporter-default-counters.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('DCGM_'))
    .map((l) => l.split(',').map((x) => x.trim()));

  it('uses the real scrape label names, in the same order', () => {
    const realKeys = Object.keys(real.samples[1]!.labels); // gpu 1 carries no pod labels
    for (const s of sim.samples) expect(Object.keys(s.labels)).toEqual(realKeys);
  });

  it('serves only default-counter families, with their HELP text and TYPE', () => {
    const byName = new Map(counters.map(([name, type, help]) => [name, { type, help }]));
    expect(sim.meta.size).toBeGreaterThan(15);
    for (const [name, meta] of sim.meta) {
      expect(byName.has(name), name).toBe(true);
      expect(meta.type).toBe(byName.get(name)!.type);
      expect(meta.help).toBe(byName.get(name)!.help);
    }
  });

  it('reads back through the same path as the real fixture: 8 GPUs with util, power, temp', () => {
    const gpus = readDcgmSamples(sim.samples);
    expect(gpus).toHaveLength(8);
    for (const g of gpus) {
      expect(g.hostname).toBe(node.hostname);
      expect(g.model).toBe(node.model.modelName);
      expect(g.utilPct).toBeGreaterThanOrEqual(0);
      expect(g.powerW).toBeGreaterThan(0);
      expect(g.tempC).toBeGreaterThan(20);
    }
  });

  it('integrates its energy counter from the power it reports', () => {
    const e = (t: number) => {
      now = t;
      return fleet.frames(site, node).map((f) => f.energyMj);
    };
    const before = e(T0 + 1000);
    const after = e(T0 + 11_000);
    const powers: number[][] = [];
    for (let s = T0 / 1000 + 2; s <= T0 / 1000 + 11; s++)
      powers.push(fleet.frames(site, node, s).map((f) => f.powerW));
    after.forEach((v, i) => {
      const expected = powers.reduce((sum, p) => sum + p[i]! * 1000, 0);
      expect(v - before[i]!).toBeCloseTo(expected, 0);
    });
  });
});
