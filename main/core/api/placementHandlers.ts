import { goalPermission, type PlanGoalView } from '../../../shared/placement';
import { err, ok, type Result } from '../../../shared/result';
import { ROLE_LABELS, can } from '../../../shared/roles';
import type { AuditLog } from '../audit/auditLog';
import type { PlacementService } from '../placement/placementService';
import type { CallContext, Handlers } from './dispatcher';

type PlacementHandlers = Pick<
  Handlers,
  | 'placement.previewConsolidate'
  | 'placement.plan'
  | 'placement.execute'
  | 'placement.cancel'
  | 'placement.resume'
  | 'placement.runs'
>;

export function placementHandlers(placement: PlacementService, audit: AuditLog): PlacementHandlers {
  /** The goal's own permission, on top of the call's: a refusal is audited like the dispatcher's. */
  const allowed = async (goal: PlanGoalView, ctx: CallContext, action: string): Promise<Result<null>> => {
    const need = goalPermission(goal);
    if (can(ctx.session.role, need)) return ok(null);
    const message = `${ROLE_LABELS[ctx.session.role]} may not ${goal.kind} (needs "${need}"). Switch role in the header.`;
    await audit.append({
      actor: ctx.session.actor,
      role: ctx.session.role,
      action,
      outcome: 'denied',
      message,
    });
    return err('FORBIDDEN', message);
  };
  const who = (ctx: CallContext) => ({ actor: ctx.session.actor, role: ctx.session.role });
  const runGoal = (planId: string) => placement.runs(10_000).find((r) => r.plan.id === planId)?.plan.goal;
  return {
    'placement.previewConsolidate': () => ok(placement.plan({ kind: 'consolidate' })),
    'placement.plan': async ({ goal }, ctx) => {
      const a = await allowed(goal, ctx, 'placement.plan');
      return a.ok ? ok(placement.plan(goal)) : a;
    },
    'placement.execute': async ({ planId, confirm }, ctx) => {
      const goal = placement.preview(planId)?.goal;
      if (goal) {
        const a = await allowed(goal, ctx, 'placement.execute');
        if (!a.ok) return a;
      }
      return placement.execute(planId, confirm, who(ctx));
    },
    'placement.resume': async ({ planId }, ctx) => {
      const goal = runGoal(planId);
      if (goal) {
        const a = await allowed(goal, ctx, 'placement.resume');
        if (!a.ok) return a;
      }
      return placement.resume(planId, who(ctx));
    },
    'placement.cancel': async ({ planId }, ctx) => {
      const goal = runGoal(planId);
      if (goal) {
        const a = await allowed(goal, ctx, 'placement.cancel');
        if (!a.ok) return a;
      }
      return placement.cancel(planId, who(ctx));
    },
    'placement.runs': ({ limit }) => ok(placement.runs(limit)),
  };
}
