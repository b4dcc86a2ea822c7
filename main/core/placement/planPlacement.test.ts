import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyFileSchema } from '../../../shared/policy';
import { compilePolicy, evaluatePolicy } from '../policy/compilePolicy';
import { estimateRttMs } from '../../../shared/latency';
import { planPlacement } from './planPlacement';
import type { PlanInput, PlanNode, PlanSite, PlanWorkload } from './planTypes';

const compiled = compilePolicy(
  PolicyFileSchema.parse({ rules: [{ id: 'eu-health', dataClasses: ['health'], allow: ['EU'] }] }),
);
if (!compiled.ok) throw new Error(compiled.error.message);
const judge: PlanInput['judge'] = (t, d, p) => evaluatePolicy(compiled.value, t, d, p);

const site = (
  id: string,
  country: string,
  lat: number,
  lon: number,
  o: Partial<PlanSite> = {},
): PlanSite => ({
  id,
  country,
  subdivision: null,
  lat,
  lon,
  headroomKw: null,
  rttOverheadMs: 2,
  pue: 1.2,
  tariff: { currency: 'EUR', perKwh: 0.2 },
  carbonGPerKwh: 300,
  ...o,
});
const node = (siteId: string, hostname: string, freeGpus: number, o: Partial<PlanNode> = {}): PlanNode => ({
  siteId,
  hostname,
  model: 'H100',
  gpus: 8,
  freeGpus,
  state: 'up',
  idleKwPerGpu: 0.07,
  ...o,
});
const wl = (
  id: string,
  siteId: string,
  hostname: string,
  gpus: number,
  o: Partial<PlanWorkload> = {},
): PlanWorkload => ({
  id,
  tenant: 'acme',
  dataClass: 'public',
  gpus,
  model: null,
  siteId,
  hostname,
  priority: 0,
  powerKw: gpus * 0.6,
  users: null,
  ...o,
});

const FRA = site('eu-fra-1', 'DE', 50.11, 8.68);
const PAR = site('eu-par-1', 'FR', 48.86, 2.35);
const ASH = site('na-ash-1', 'US', 39.04, -77.49);
const SYD = site('oc-syd-1', 'AU', -33.87, 151.21);

describe('planPlacement: evacuate', () => {
  it('sends EU-only data to EU capacity, and says what is short when there is none', () => {
    const input: PlanInput = {
      sites: [FRA, PAR, ASH],
      nodes: [node('eu-fra-1', 'fra-1', 0), node('eu-par-1', 'par-1', 4), node('na-ash-1', 'ash-1', 8)],
      workloads: [
        wl('ehr', 'eu-fra-1', 'fra-1', 4, { dataClass: 'health', priority: 5 }),
        wl('ehr-2', 'eu-fra-1', 'fra-1', 2, { dataClass: 'health' }),
        wl('web', 'eu-fra-1', 'fra-1', 2),
      ],
      judge,
      goal: { kind: 'evacuate', scope: { site: 'eu-fra-1' } },
    };
    const plan = planPlacement(input);
    expect(plan.moves.map((m) => [m.workload, m.to.siteId])).toEqual([
      ['ehr', 'eu-par-1'],
      ['web', 'na-ash-1'],
    ]);
    expect(plan.unplaced).toEqual([
      expect.objectContaining({
        workload: 'ehr-2',
        reason: expect.stringMatching(/^policy: eu-health allows EU only/),
      }),
    ]);
    expect(plan.shortfall).toEqual([{ model: 'any', country: 'DE', gpus: 2 }]);
    expect(plan.blastRadius).toEqual({
      tenants: ['acme'],
      dataClasses: ['health', 'public'],
      jurisdictions: ['DE', 'FR', 'US'],
    });
    expect(plan.effects.nodesFreed).toBe(0); // ehr-2 is still there
  });

  it('keeps inference within its users’ round-trip budget (great circle at fibre speed plus overhead)', () => {
    const users = { lat: 50.11, lon: 8.68, rttBudgetMs: 30 };
    expect(estimateRttMs(users, PAR)).toBeCloseTo(4.8 + 2, 0);
    expect(estimateRttMs(users, SYD)).toBeGreaterThan(160);
    const plan = planPlacement({
      sites: [FRA, SYD],
      nodes: [node('eu-fra-1', 'fra-1', 0), node('oc-syd-1', 'syd-1', 8)],
      workloads: [wl('chat', 'eu-fra-1', 'fra-1', 2, { users })],
      judge,
      goal: { kind: 'evacuate', scope: { node: { siteId: 'eu-fra-1', hostname: 'fra-1' } } },
    });
    expect(plan.moves).toEqual([]);
    expect(plan.unplaced[0]!.reason).toMatch(/^latency: \d+ ms round trip from its users, budget 30 ms$/);
  });

  it.each([
    ['a GPU model constraint', [node('na-ash-1', 'ash-1', 8, { model: 'A100' })], /^model: needs H100$/],
    [
      'a site’s power headroom',
      [node('eu-par-1', 'par-1', 8)],
      /^power: eu-par-1 has 1\.0 kW of power headroom$/,
    ],
  ])('respects %s', (_, targets, reason) => {
    const plan = planPlacement({
      sites: [FRA, { ...PAR, headroomKw: 1 }, ASH],
      nodes: [node('eu-fra-1', 'fra-1', 0), ...targets],
      workloads: [wl('train', 'eu-fra-1', 'fra-1', 4, { model: 'H100' })],
      judge,
      goal: { kind: 'evacuate', scope: { site: 'eu-fra-1' } },
    });
    expect(plan.moves).toEqual([]);
    expect(plan.unplaced[0]!.reason).toMatch(reason);
  });
});

describe('planPlacement: consolidate', () => {
  it('empties the least-used node of a site into the others and prices what it saves', () => {
    const plan = planPlacement({
      sites: [FRA],
      nodes: [node('eu-fra-1', 'a', 4), node('eu-fra-1', 'b', 6), node('eu-fra-1', 'c', 8)],
      workloads: [wl('w1', 'eu-fra-1', 'a', 4), wl('w2', 'eu-fra-1', 'b', 2)],
      judge,
      goal: { kind: 'consolidate' },
    });
    expect(plan.moves.map((m) => [m.workload, m.from.hostname, m.to.hostname])).toEqual([['w2', 'b', 'a']]);
    expect(plan.moves.every((m) => !m.crossSite)).toBe(true);
    expect(plan.effects.nodesFreed).toBe(1);
    expect(plan.effects.kwFreed).toBeCloseTo(8 * 0.07, 9);
    const kwh = 8 * 0.07 * 24 * 1.2;
    expect(plan.effects.kwhPerDay).toBeCloseTo(kwh, 9);
    expect(plan.effects.moneyPerDay).toEqual([
      { currency: 'EUR', amount: expect.closeTo(kwh * 0.2, 9) as number },
    ]);
    expect(plan.effects.kgCO2PerDay).toBeCloseTo((kwh * 300) / 1000, 9);
  });
});

// Property tests: random fleets and goals; the plan never overfills a node, never breaks a policy,
// never uses a node that is down or given up, and accounts for every workload it had to move.
const arbInput = fc
  .record({
    nodes: fc.array(
      fc.record({
        site: fc.constantFrom(FRA, PAR, ASH, SYD),
        used: fc.integer({ min: 0, max: 8 }),
        model: fc.constantFrom('H100', 'H200'),
        state: fc.constantFrom<PlanNode['state']>('up', 'up', 'up', 'drained', 'down'),
      }),
      { minLength: 1, maxLength: 24 },
    ),
    classes: fc.array(fc.constantFrom('health', 'public', 'internal'), { minLength: 64, maxLength: 64 }),
    goal: fc.constantFrom<'consolidate' | 'site' | 'country' | 'node'>(
      'consolidate',
      'site',
      'country',
      'node',
    ),
  })
  .map(({ nodes, classes, goal }): PlanInput => {
    const planNodes: PlanNode[] = [];
    const workloads: PlanWorkload[] = [];
    nodes.forEach((n, i) => {
      const hostname = `n${i}`;
      planNodes.push(node(n.site.id, hostname, 8 - n.used, { model: n.model, state: n.state }));
      let left = n.used;
      let j = 0;
      while (left > 0) {
        const g = Math.min(left, [4, 2, 1][(i + j) % 3]!);
        workloads.push(
          wl(`w${i}-${j}`, n.site.id, hostname, g, {
            dataClass: classes[(i * 3 + j) % 64]!,
            model: j % 2 ? n.model : null,
          }),
        );
        left -= g;
        j++;
      }
    });
    const first = planNodes[0]!;
    return {
      // Paris and Ashburn with little power to spare: the plan must not take them past it.
      sites: [FRA, { ...PAR, headroomKw: 3 }, { ...ASH, headroomKw: 6 }, SYD],
      nodes: planNodes,
      workloads,
      judge,
      goal:
        goal === 'consolidate'
          ? { kind: 'consolidate' }
          : goal === 'site'
            ? { kind: 'evacuate', scope: { site: first.siteId } }
            : goal === 'country'
              ? { kind: 'evacuate', scope: { countries: ['DE', 'FR'] } }
              : { kind: 'evacuate', scope: { node: { siteId: first.siteId, hostname: first.hostname } } },
    };
  });

describe('planPlacement: properties', () => {
  it('never exceeds capacity or breaks a policy; every displaced workload is moved or listed with a reason', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const plan = planPlacement(input);
        const used = new Map(input.nodes.map((n) => [`${n.siteId}/${n.hostname}`, n.gpus - n.freeGpus]));
        const byKey = new Map(input.nodes.map((n) => [`${n.siteId}/${n.hostname}`, n]));
        const siteOf = new Map(input.sites.map((s) => [s.id, s]));
        for (const m of plan.moves) {
          const to = `${m.to.siteId}/${m.to.hostname}`;
          used.set(
            `${m.from.siteId}/${m.from.hostname}`,
            used.get(`${m.from.siteId}/${m.from.hostname}`)! - m.gpus,
          );
          used.set(to, used.get(to)! + m.gpus);
          expect(byKey.get(to)!.state).toBe('up');
          expect(judge(m.tenant, m.dataClass, siteOf.get(m.to.siteId)!).allowed).toBe(true);
        }
        // Each workload moves at most once, onto its model when it needs one.
        expect(new Set(plan.moves.map((m) => m.unit)).size).toBe(plan.moves.length);
        const wOf = new Map(input.workloads.map((w) => [w.id, w]));
        for (const m of plan.moves) {
          const w = wOf.get(m.unit)!;
          if (w.model !== null) expect(byKey.get(`${m.to.siteId}/${m.to.hostname}`)!.model).toBe(w.model);
        }
        for (const [k, u] of used) {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(byKey.get(k)!.gpus);
        }
        if (input.goal.kind === 'evacuate') {
          const scope = input.goal.scope;
          const givenUp = (siteId: string, hostname: string) =>
            'site' in scope
              ? scope.site === siteId
              : 'countries' in scope
                ? scope.countries.includes(siteOf.get(siteId)!.country)
                : scope.node.siteId === siteId && scope.node.hostname === hostname;
          const displaced = input.workloads.filter((w) => givenUp(w.siteId, w.hostname)).map((w) => w.id);
          const accounted = [...plan.moves.map((m) => m.workload), ...plan.unplaced.map((u) => u.workload)];
          expect([...accounted].sort()).toEqual([...displaced].sort());
          for (const m of plan.moves) expect(givenUp(m.to.siteId, m.to.hostname)).toBe(false);
          for (const u of plan.unplaced) expect(u.reason.length).toBeGreaterThan(5);
        }
        // Power: what a plan lands on a site never takes it past its contracted capacity.
        for (const h of plan.headroom) if (h.beforeKw !== null) expect(h.afterKw!).toBeGreaterThanOrEqual(0);
        expect(planPlacement(input)).toEqual(plan); // deterministic
      }),
      { numRuns: 300 },
    );
  });
});
