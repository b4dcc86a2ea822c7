import type { MoveView, PlanRunView, PlanView } from '../../../../shared/placement';

/** A move within eu-fra-1 unless `over` says otherwise, for tests. */
export function moveOf(over: Partial<MoveView> = {}): MoveView {
  return {
    unit: 'eu-fra-1#101',
    workload: 'train-a',
    jobId: 101,
    tenant: 'acme',
    dataClass: 'internal',
    gpus: 4,
    from: { siteId: 'eu-fra-1', hostname: 'gpu-a-01', country: 'DE' },
    to: { siteId: 'eu-fra-1', hostname: 'gpu-a-02', country: 'DE' },
    crossSite: false,
    ...over,
  };
}

/** A small but complete plan, for tests. */
export function planOf(over: Partial<PlanView> = {}): PlanView {
  return {
    id: 'p-202511300912-ab12cd',
    at: Date.UTC(2025, 10, 30, 9, 12),
    goal: { kind: 'consolidate' },
    moves: [moveOf()],
    unplaced: [],
    blastRadius: { tenants: ['acme'], dataClasses: ['internal'], jurisdictions: ['DE'] },
    effects: {
      gpusMoved: 4,
      nodesFreed: 1,
      kwFreed: 1.234,
      kwhPerDay: 29.6,
      moneyPerDay: [{ currency: 'EUR', amount: 5.92 }],
      kgCO2PerDay: 11.2,
    },
    shortfall: [],
    drain: [],
    headroom: [],
    sitesLeftOut: [],
    ...over,
  };
}

/** A run of `plan` approved at `approvedAt`, its steps as given (default: all pending). */
export function runOf(
  over: Partial<PlanRunView> & { steps?: PlanRunView['steps'] } = {},
  plan: PlanView = planOf(),
): PlanRunView {
  return {
    plan,
    approvedAt: plan.at + 60_000,
    approvedBy: 'ops (operator)',
    state: 'running',
    endedAt: null,
    steps: plan.moves.map(() => ({ state: 'pending', message: null, attempts: 0 })),
    ...over,
  };
}

export const stepOf = (
  state: PlanRunView['steps'][number]['state'],
  message: string | null = null,
  attempts = state === 'pending' ? 0 : 1,
): PlanRunView['steps'][number] => ({ state, message, attempts });
