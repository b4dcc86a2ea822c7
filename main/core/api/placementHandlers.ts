import type { PlanView } from '../../../shared/placement';
import { ok } from '../../../shared/result';
import type { SustainabilityService } from '../energy/sustainabilityService';
import type { FleetService } from '../fleet/fleetService';
import { planInput } from '../placement/planInput';
import { planPlacement } from '../placement/planPlacement';
import type { PlanGoal } from '../placement/planTypes';
import type { ResidencyService } from '../residency/residencyService';
import type { Handlers } from './dispatcher';

type PlacementHandlers = Pick<Handlers, 'placement.previewConsolidate' | 'placement.whatIf'>;

export function placementHandlers(
  fleet: FleetService,
  residency: ResidencyService,
  sustainability: SustainabilityService,
): PlacementHandlers {
  const preview = (goal: PlanGoal): PlanView => {
    const input = planInput(fleet, goal, residency.judge, (s) => sustainability.carbonOf(s));
    const planned = new Set(input.sites.map((s) => s.id));
    return {
      at: fleet.clock(),
      ...planPlacement(input),
      sitesLeftOut: fleet.siteConnections.filter((c) => c.slurm && !planned.has(c.id)).map((c) => c.id),
    };
  };
  return {
    'placement.previewConsolidate': () => ok(preview({ kind: 'consolidate' })),
    'placement.whatIf': ({ goal }) => ok(preview(goal)),
  };
}
