import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetClient } from '../../../../shared/client';
import { ROLE_PERMISSIONS, type Role } from '../../../../shared/roles';
import { ClientContext } from '../../app/clientContext';
import { resetStore, useAppStore, type AppState } from '../../store/appStore';
import { GoalPicker } from './GoalPicker';
import { PlanPreview } from './PlanPreview';
import { RunDrawer } from './RunDrawer';
import { InterruptedBanner } from './InterruptedBanner';
import { RunHistory } from './RunHistory';
import { moveOf, planOf, runOf, stepOf } from './testPlans';

const client = {
  call: () => new Promise(() => undefined),
  on: () => () => undefined,
} as unknown as FleetClient;

/**
 * A server render reads the store's initial state (zustand's server snapshot), so the session goes
 * there for the render and comes out after.
 */
function html(el: ReactElement, role: Role = 'admin'): string {
  const initial = useAppStore.getInitialState() as AppState;
  initial.session = {
    role,
    actor: { osUser: 'ops', profile: 'default', session: 's1' },
    permissions: [...ROLE_PERMISSIONS[role]],
    adminPassphraseSet: true,
  };
  try {
    return renderToStaticMarkup(createElement(ClientContext.Provider, { value: client }, el));
  } finally {
    initial.session = null;
  }
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

afterEach(() => resetStore());

describe('Placement markup (server-rendered, no DOM)', () => {
  it('offers every goal, disabling those the role may not plan', () => {
    const admin = html(createElement(GoalPicker, { onPlan: () => undefined }));
    expect(admin).toContain('data-testid="placement-goal"');
    expect(admin).toContain('data-testid="placement-preview"');
    for (const v of ['consolidate', 'relieve', 'evacuate-node', 'evacuate-site', 'evacuate-region'])
      expect(admin).toContain(`value="${v}"`);
    expect(admin).not.toMatch(/<option[^>]*disabled/);
    const analyst = html(createElement(GoalPicker, { onPlan: () => undefined }), 'analyst');
    expect(analyst).toMatch(
      /<option value="relieve" disabled="">Relieve nodes — needs NOC operator or Admin/,
    );
  });

  it('shows a failover preview: shortfall first, arcs, moves, confirm before approve', () => {
    const plan = planOf({
      goal: { kind: 'evacuate', scope: { site: 'eu-fra-1' } },
      moves: [
        moveOf({ crossSite: true, to: { siteId: 'eu-par-1', hostname: 'gpu-07', country: 'FR' } }),
        moveOf({ unit: 'eu-fra-1#102', jobId: null }),
      ],
      unplaced: [
        {
          unit: 'eu-fra-1#9',
          workload: 'w9',
          tenant: 't',
          dataClass: 'restricted',
          gpus: 8,
          reason: 'residency: DE only',
        },
      ],
      shortfall: [{ model: 'H100', country: 'DE', gpus: 8 }],
      sitesLeftOut: ['us-east-2'],
      effects: { ...planOf().effects, kgCO2PerDay: null, kwFreed: 10.26 },
    });
    const s = html(createElement(PlanPreview, { plan, onApproved: () => undefined }));
    expect(s.indexOf('data-testid="plan-shortfall"')).toBeLessThan(s.indexOf('data-testid="plan-effects"'));
    expect(s).toContain('Compliant capacity is short by 8 GPUs');
    expect(s).toContain('short by 8 GPUs');
    expect(s).toMatch(/data-testid="plan-kw-freed"[^>]*>10\.3 kW</);
    expect(s).toMatch(/data-testid="plan-co2-day"[^>]*>unknown</);
    expect(count(s, 'data-testid="plan-move-row"')).toBe(2);
    expect(s).toContain('data-testid="plan-unplaced"');
    expect(s).toContain('residency: DE only');
    expect(s).toContain('Not planned: scheduler did not answer');
    expect(s).toContain('data-testid="placement-map"');
    expect(s).toMatch(/<label[^>]*>Type <code class="mono">eu-fra-1<\/code> to confirm<\/label>/);
    expect(s).toMatch(/<button[^>]*data-testid="plan-approve"[^>]*disabled=""/);
  });

  it('shows an interrupted run with its explanation, Stop and Resume, and every step', () => {
    const plan = planOf({ moves: [moveOf(), moveOf({ unit: 'eu-fra-1#2' })] });
    const run = runOf({ state: 'interrupted', steps: [stepOf('done', 'moved'), stepOf('started')] }, plan);
    const s = html(createElement(RunDrawer, { run, onClose: () => undefined, onChanged: () => undefined }));
    expect(s).toMatch(/data-testid="run-state"[^>]*>interrupted</);
    expect(s).toContain(
      'Steps marked started may or may not have happened; Resume checks them against the sites first.',
    );
    expect(s).toContain('data-testid="run-stop"');
    expect(s).toContain('data-testid="run-resume"');
    expect(s).toContain('data-testid="run-step" data-state="done"');
    expect(s).toContain('data-testid="run-step" data-state="started"');
  });

  it('lists runs newest first and calls out interrupted ones', () => {
    const older = runOf({ state: 'interrupted' });
    const newer = runOf(
      { state: 'done', endedAt: 1 },
      planOf({ id: 'p-202512010000-aaaaaa', at: older.approvedAt + 1 }),
    );
    const s = html(
      createElement('div', null, [
        createElement(InterruptedBanner, { key: 'b', runs: [older], onOpen: () => undefined }),
        createElement(RunHistory, {
          key: 'h',
          runs: [newer, older],
          error: null,
          openId: null,
          onOpen: () => undefined,
        }),
      ]),
    );
    expect(s).toContain('data-testid="run-interrupted-banner"');
    expect(s.indexOf('data-state="done"')).toBeLessThan(s.indexOf('data-state="interrupted"'));
    expect(count(s, 'data-testid="run-row"')).toBe(2);
  });
});
