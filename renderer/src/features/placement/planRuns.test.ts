import { describe, expect, it } from 'vitest';
import { interruptedRuns, mergeRunLists, runStage, stepsShown, upsertRun } from './planRuns';
import { moveOf, planOf, runOf, stepOf } from './testPlans';

const twoSteps = planOf({ moves: [moveOf(), moveOf({ unit: 'eu-fra-1#102', jobId: 102 })] });
const planB = planOf({ id: 'p-202511301000-bbbbbb', at: twoSteps.at + 3_600_000 });

describe('runStage', () => {
  it('grows as steps move on, and an end outranks any step', () => {
    const a = runOf({ steps: [stepOf('pending'), stepOf('pending')] }, twoSteps);
    const b = runOf({ steps: [stepOf('started'), stepOf('pending')] }, twoSteps);
    const c = runOf({ steps: [stepOf('done'), stepOf('failed')] }, twoSteps);
    const ended = runOf(
      { steps: [stepOf('done'), stepOf('pending')], state: 'cancelled', endedAt: 9 },
      twoSteps,
    );
    expect(runStage(a)).toBeLessThan(runStage(b));
    expect(runStage(b)).toBeLessThan(runStage(c));
    expect(runStage(c)).toBeLessThan(runStage(ended));
  });
});

describe('upsertRun', () => {
  it('adds a new run, newest approval first', () => {
    const a = runOf({}, twoSteps);
    const b = runOf({}, planB);
    expect(upsertRun([a], b).map((r) => r.plan.id)).toEqual([planB.id, twoSteps.id]);
  });

  it('replaces a run by plan id with a view further along, not with an older one', () => {
    const older = runOf({ steps: [stepOf('started'), stepOf('pending')] }, twoSteps);
    const newer = runOf({ steps: [stepOf('done'), stepOf('started')] }, twoSteps);
    expect(upsertRun([older], newer)).toEqual([newer]);
    const list = [newer];
    expect(upsertRun(list, older)).toBe(list);
  });

  it('takes the later of two views at the same stage (a resume turns interrupted into running)', () => {
    const interrupted = runOf({ state: 'interrupted', steps: [stepOf('done'), stepOf('started')] }, twoSteps);
    const resumed = runOf({ state: 'running', steps: [stepOf('done'), stepOf('started')] }, twoSteps);
    expect(upsertRun([interrupted], resumed)[0]?.state).toBe('running');
  });
});

describe('mergeRunLists', () => {
  it('takes the answer, keeping what events told of since', () => {
    const answered = runOf({ steps: [stepOf('started'), stepOf('pending')] }, twoSteps);
    const evented = runOf({ steps: [stepOf('done'), stepOf('pending')] }, twoSteps);
    expect(mergeRunLists([evented], [answered])).toEqual([evented]);
    expect(mergeRunLists(null, [answered])).toEqual([answered]);
  });

  it('keeps an open run the answer does not name yet, and drops an ended one it no longer lists', () => {
    const justApproved = runOf({}, planB);
    const oldEnded = runOf({ state: 'done', endedAt: 5 }, twoSteps);
    expect(mergeRunLists([justApproved, oldEnded], []).map((r) => r.plan.id)).toEqual([planB.id]);
  });
});

describe('interruptedRuns', () => {
  it('lists the runs to resume or stop', () => {
    const a = runOf({ state: 'interrupted' }, twoSteps);
    const b = runOf({ state: 'done', endedAt: 1 }, planB);
    expect(interruptedRuns([b, a])).toEqual([a]);
  });
});

describe('stepsShown', () => {
  it('shows every step of a plan within the cap', () => {
    expect(stepsShown([stepOf('done'), stepOf('pending')], 5)).toEqual([0, 1]);
  });

  it('past the cap, keeps steps in flight and failed, then the rest in order', () => {
    const steps = [
      stepOf('done'),
      stepOf('done'),
      stepOf('done'),
      stepOf('pending'),
      stepOf('failed'),
      stepOf('pending'),
      stepOf('started'),
    ];
    expect(stepsShown(steps, 4)).toEqual([0, 1, 4, 6]);
  });

  it('lists only the steps in flight and failed when asked', () => {
    const steps = [stepOf('done'), stepOf('failed'), stepOf('pending'), stepOf('started')];
    expect(stepsShown(steps, 500, true)).toEqual([1, 3]);
    expect(stepsShown(steps, 1, true)).toEqual([1]);
  });
});
