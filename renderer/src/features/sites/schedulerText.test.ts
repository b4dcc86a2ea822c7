import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../../shared/domain';
import {
  actionNote,
  drainJobsText,
  drainWhy,
  formatAlloc,
  jobCounts,
  jobNodesText,
  jobStateText,
  NEEDS_DRAIN,
  nodeActionOffer,
  nodeShowsAction,
  reasonProblem,
  schedulerStateText,
  schedulerStatusLine,
  sinfoWord,
  sortJobs,
  type SchedulerNode,
  type SiteScheduler,
} from './schedulerText';

const node = (state: string, flags: string[] = [], reason: string | null = null): SchedulerNode => ({
  state,
  flags,
  reason,
  gpusUsed: 6,
  gpusTotal: 8,
});

const job = (id: number, state: string, extra: Partial<JobSummary> = {}): JobSummary => ({
  id,
  name: `j${id}`,
  state,
  stateReason: null,
  nodes: [],
  gpus: null,
  account: null,
  user: null,
  comment: null,
  startTime: null,
  ...extra,
});

describe('schedulerStateText', () => {
  it.each([
    [node('mixed'), 'mixed', 'ok'],
    [node('idle', ['DRAIN'], 'fan'), 'idle · DRAIN', 'warn'],
    [node('mixed', ['DRAIN']), 'mixed · DRAIN', 'warn'],
    [node('down', ['NOT_RESPONDING']), 'down · NOT_RESPONDING', 'down'],
    [node('down'), 'down', 'down'],
    [node('future'), 'future', 'muted'],
    [node('allocated', ['COMPLETING']), 'allocated · COMPLETING', 'ok'],
  ])('%j → %s (%s)', (s, text, tone) => {
    expect(schedulerStateText(s)).toMatchObject({ text, tone });
  });

  it('puts the sinfo word, GPUs and reason in the title', () => {
    expect(schedulerStateText(node('idle', ['DRAIN'], 'XID 79 on GPU 3')).title).toBe(
      'Slurm: drained — 6 / 8 GPUs allocated — reason: XID 79 on GPU 3',
    );
    expect(schedulerStateText({ ...node('mixed'), gpusTotal: null }).title).toBe('Slurm: mixed');
  });

  it('an unknown node is a dash that says why', () => {
    expect(schedulerStateText(null)).toEqual({
      text: '—',
      tone: 'muted',
      title: 'The scheduler does not know this node',
    });
  });
});

describe('sinfoWord and formatAlloc', () => {
  it('reads like sinfo', () => {
    expect(sinfoWord(node('idle', ['DRAIN']))).toBe('drained');
    expect(sinfoWord(node('down', ['DRAIN']))).toBe('drained');
    expect(sinfoWord(node('allocated', ['DRAIN']))).toBe('draining');
    expect(sinfoWord(node('down', ['NOT_RESPONDING']))).toBe('down*');
    expect(sinfoWord(node('idle', ['MAINTENANCE']))).toBe('maint');
  });

  it('GPUs used of total; unknown is a dash, never 0', () => {
    expect(formatAlloc(node('mixed'))).toBe('6 / 8');
    expect(formatAlloc({ gpusUsed: null, gpusTotal: 8 })).toBe('— / 8');
    expect(formatAlloc({ gpusUsed: null, gpusTotal: null })).toBe('—');
    expect(formatAlloc(null)).toBe('—');
    expect(formatAlloc({ gpusUsed: 0, gpusTotal: 8 })).toBe('0 / 8');
  });
});

describe('nodeActionOffer', () => {
  it.each([
    [node('idle'), { drain: true, resume: false }],
    [node('mixed'), { drain: true, resume: false }],
    [node('mixed', ['DRAIN']), { drain: false, resume: true }],
    [node('idle', ['DRAIN']), { drain: false, resume: true }],
    [node('drained'), { drain: false, resume: true }],
    [node('down'), { drain: true, resume: true }],
    [node('down', ['NOT_RESPONDING']), { drain: true, resume: true }],
    [node('idle', ['FAIL']), { drain: true, resume: true }],
    [null, { drain: false, resume: false }],
  ])('%j → %j', (s, offer) => {
    expect(nodeActionOffer(s)).toEqual(offer);
  });
});

describe('nodeShowsAction', () => {
  it('sees a drain and a resume in the scheduler’s view', () => {
    expect(nodeShowsAction('drain', node('mixed', ['DRAIN']))).toBe(true);
    expect(nodeShowsAction('drain', node('mixed'))).toBe(false);
    expect(nodeShowsAction('resume', node('mixed'))).toBe(true);
    expect(nodeShowsAction('resume', node('idle', ['DRAIN']))).toBe(false);
    expect(nodeShowsAction('resume', node('down'))).toBe(false);
    expect(nodeShowsAction('drain', null)).toBe(false);
  });
});

describe('reasonProblem', () => {
  it('accepts a plain reason', () => {
    expect(reasonProblem('fan failure, ticket 4711')).toBeNull();
    expect(reasonProblem("XID 79 on GPU 3 ('fell off the bus')")).toBeNull();
    expect(reasonProblem('x'.repeat(256))).toBeNull();
  });

  it.each([
    ['', /Give a reason/],
    ['   ', /Give a reason/],
    ['x'.repeat(257), /256 characters \(it has 257\)/],
    ['the "fan"', /double quotes/],
    ['line\nbreak', /control characters/],
  ])('%j → %s', (reason, problem) => {
    expect(reasonProblem(reason)).toMatch(problem);
  });
});

describe('drainWhy', () => {
  it('says which role is needed, or that the role is not known yet', () => {
    expect(drainWhy(true, true)).toBeUndefined();
    expect(drainWhy(false, true)).toBe(NEEDS_DRAIN);
    expect(NEEDS_DRAIN).toBe('Needs the NOC operator or Admin role');
    expect(drainWhy(false, false)).toMatch(/Waiting/);
  });
});

describe('jobs', () => {
  it('shows the reason only for pending jobs', () => {
    expect(jobStateText({ state: 'RUNNING', stateReason: null })).toBe('RUNNING');
    expect(jobStateText({ state: 'PENDING', stateReason: 'Resources' })).toBe('PENDING (Resources)');
    expect(jobStateText({ state: 'PENDING', stateReason: null })).toBe('PENDING');
    expect(jobStateText({ state: 'FAILED', stateReason: 'NonZeroExitCode' })).toBe('FAILED');
  });

  it('lists nodes, or a dash when none', () => {
    expect(jobNodesText(['gpu1', 'gpu2'])).toBe('gpu1, gpu2');
    expect(jobNodesText([])).toBe('—');
  });

  it('sorts running first, then pending, by id', () => {
    const jobs = [
      job(5, 'PENDING'),
      job(9, 'RUNNING'),
      job(2, 'COMPLETED'),
      job(3, 'RUNNING'),
      job(1, 'PENDING'),
    ];
    expect(sortJobs(jobs).map((j) => j.id)).toEqual([3, 9, 1, 5, 2]);
    expect(jobs[0]!.id).toBe(5); // not sorted in place
  });

  it('counts by state', () => {
    expect(jobCounts([])).toBe('no jobs');
    expect(jobCounts([job(1, 'RUNNING'), job(2, 'RUNNING'), job(3, 'PENDING')])).toBe('2 running, 1 pending');
    expect(jobCounts([job(1, 'RUNNING'), job(2, 'COMPLETING')])).toBe('1 running, 0 pending, 1 other');
  });
});

describe('schedulerStatusLine', () => {
  const base: SiteScheduler = { kind: 'slurm', ok: true, message: null, at: 10_000, jobs: [] };

  it('says when Slurm answered', () => {
    expect(schedulerStatusLine(base, 13_000)).toEqual({ text: 'Slurm answered 3 s ago', tone: 'ok' });
    expect(schedulerStatusLine(base, null)).toEqual({ text: 'Slurm answered', tone: 'ok' });
  });

  it('says what went wrong, and how old the listed jobs are', () => {
    const failed = { ...base, ok: false, message: 'slurmrestd refused the token' };
    expect(schedulerStatusLine(failed, 130_000)).toEqual({
      text: 'slurmrestd refused the token. Jobs as of its last answer, 2 min ago.',
      tone: 'warn',
    });
    expect(schedulerStatusLine({ ...failed, at: null }, 130_000)).toEqual({
      text: 'slurmrestd refused the token. No answer yet.',
      tone: 'warn',
    });
    expect(schedulerStatusLine({ ...failed, message: 'timed out after 5 s.', at: null }, null).text).toBe(
      'timed out after 5 s. No answer yet.',
    );
  });

  it('waits for the first answer calmly', () => {
    expect(schedulerStatusLine({ ...base, ok: false, at: null }, 1)).toEqual({
      text: 'Waiting for Slurm’s first answer…',
      tone: 'waiting',
    });
  });
});

describe('actionNote', () => {
  it('says an action runs, failed or was accepted', () => {
    expect(actionNote(undefined, 0)).toBeNull();
    expect(actionNote({ phase: 'busy', kind: 'drain' }, 0)).toEqual({ text: 'Draining…', tone: 'busy' });
    expect(actionNote({ phase: 'busy', kind: 'requeue' }, 0)).toEqual({ text: 'Requeueing…', tone: 'busy' });
    expect(actionNote({ phase: 'failed', kind: 'resume', message: 'scontrol said "x"' }, 0)).toEqual({
      text: 'Resume failed: scontrol said "x"',
      tone: 'warn',
    });
  });

  it('keeps "accepted" until Slurm has answered twice since, or its view shows the result', () => {
    const sent = { phase: 'sent', kind: 'drain', answers: 4 } as const;
    expect(actionNote(sent, 4)).toMatchObject({
      tone: 'info',
      text: expect.stringMatching(/^Drain accepted/),
    });
    expect(actionNote(sent, 5)).not.toBeNull();
    expect(actionNote(sent, 6)).toBeNull();
    expect(actionNote(sent, 4, true)).toBeNull();
    // A failure stays until dismissed or retried, whatever Slurm says meanwhile.
    expect(actionNote({ phase: 'failed', kind: 'drain', message: 'm' }, 9, true)).not.toBeNull();
  });
});

describe('drainJobsText', () => {
  it('says what happens to the jobs on the node', () => {
    expect(drainJobsText([])).toBe('No job runs on it now.');
    expect(drainJobsText([42])).toBe(
      'Job 42 runs on it and finishes there; requeue it from the Jobs list to move it now.',
    );
    expect(drainJobsText([42, 43])).toMatch(/^Jobs 42, 43 run on it and finish there; requeue them/);
  });
});
