import { describe, expect, it } from 'vitest';
import { outcomeCsv } from './outcomeReport';
import { moveOf, planOf, runOf, stepOf } from './testPlans';

describe('outcomeCsv', () => {
  it('heads with the plan, approver and end; a row per move with its step; unplaced with the reason', () => {
    const plan = planOf({
      moves: [moveOf(), moveOf({ workload: '=cmd()', jobId: 9 })],
      unplaced: [
        {
          unit: 'a#3',
          workload: 'ehr',
          tenant: 'clinic',
          dataClass: 'health',
          gpus: 8,
          reason: 'policy: EU only',
        },
      ],
    });
    const csv = outcomeCsv(
      runOf({ state: 'failed', steps: [stepOf('done'), stepOf('failed', 'slurm said "no", twice')] }, plan),
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(`plan,${plan.id}`);
    expect(lines).toContain('state,failed');
    const header = lines.indexOf(
      'step,workload,job,tenant,data class,gpus,from,to,cross-site,state,attempts,message',
    );
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^1,.*,done,/);
    expect(lines[header + 2]).toContain(`'=cmd()`); // a formula is defused
    expect(lines[header + 2]).toContain('"slurm said ""no"", twice"');
    expect(lines.at(-1)).toBe('unplaced,ehr,,clinic,health,8,,,,not moved,,policy: EU only');
  });
});
