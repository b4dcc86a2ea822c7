import type { PlanGoalView, PlanView } from '../../../shared/placement';
import type { SustainabilityService } from '../energy/sustainabilityService';
import type { FleetService } from '../fleet/fleetService';
import type { ResidencyService } from '../residency/residencyService';
import { planInput } from './planInput';
import { planPlacement } from './planPlacement';

/** A plan for a goal from the fleet as it is now (no id yet: the placement service names it). */
export function planNow(
  fleet: FleetService,
  residency: ResidencyService,
  sustainability: SustainabilityService,
  goal: PlanGoalView,
): Omit<PlanView, 'id'> {
  const input = planInput(fleet, goal, residency.judge, (s) => sustainability.carbonOf(s));
  const planned = new Set(input.sites.map((s) => s.id));
  return {
    at: fleet.clock(),
    ...planPlacement(input),
    sitesLeftOut: fleet.siteConnections.filter((c) => c.slurm && !planned.has(c.id)).map((c) => c.id),
  };
}
