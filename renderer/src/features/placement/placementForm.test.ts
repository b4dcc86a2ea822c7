import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../shared/roles';
import {
  EMPTY_FORM,
  GOAL_CHOICES,
  actionRefusal,
  choicePermission,
  goalFromForm,
  parseCountries,
  parseNodeList,
  rolesThatCan,
  type GoalForm,
} from './placementForm';
import { goalPermission } from '../../../../shared/placement';

const form = (over: Partial<GoalForm>): GoalForm => ({ ...EMPTY_FORM, ...over });

describe('parseNodeList', () => {
  it('reads site/host lists separated by commas, spaces or new lines, each once', () => {
    expect(parseNodeList(' eu-fra-1/gpu-a-01, us-east-2/gpu-07\neu-fra-1/gpu-a-01 ')).toEqual({
      ok: true,
      value: [
        { siteId: 'eu-fra-1', hostname: 'gpu-a-01' },
        { siteId: 'us-east-2', hostname: 'gpu-07' },
      ],
    });
  });

  it('names the entry that is not site/host', () => {
    for (const bad of ['gpu-a-01', '/gpu-a-01', 'eu-fra-1/', 'a/b/c']) {
      const r = parseNodeList(`eu-fra-1/gpu-a-01, ${bad}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(`"${bad}"`);
    }
  });

  it('asks for a node when empty', () => {
    expect(parseNodeList('  , ').ok).toBe(false);
  });

  it('keeps to the schema bound', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `s/h${i}`).join(',');
    expect(parseNodeList(many).ok).toBe(false);
  });
});

describe('parseCountries', () => {
  it('upper-cases and de-duplicates', () => {
    expect(parseCountries('de, fr,DE at')).toEqual({ ok: true, value: ['DE', 'FR', 'AT'] });
  });

  it('refuses what is not two letters', () => {
    const r = parseCountries('DE, DEU');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('"DEU"') as string });
    expect(parseCountries('').ok).toBe(false);
    expect(parseCountries('d1').ok).toBe(false);
  });
});

describe('goalFromForm', () => {
  it('builds each goal from its own scope only', () => {
    const filled = { nodes: 'eu-fra-1/gpu-a-01', siteId: 'us-east-2', countries: 'de' };
    expect(goalFromForm(form({ ...filled, choice: 'consolidate' }))).toEqual({
      ok: true,
      value: { kind: 'consolidate' },
    });
    expect(goalFromForm(form({ ...filled, choice: 'relieve' }))).toEqual({
      ok: true,
      value: { kind: 'relieve', nodes: [{ siteId: 'eu-fra-1', hostname: 'gpu-a-01' }] },
    });
    expect(goalFromForm(form({ ...filled, choice: 'evacuate-node' }))).toEqual({
      ok: true,
      value: { kind: 'evacuate', scope: { node: { siteId: 'eu-fra-1', hostname: 'gpu-a-01' } } },
    });
    expect(goalFromForm(form({ ...filled, choice: 'evacuate-site' }))).toEqual({
      ok: true,
      value: { kind: 'evacuate', scope: { site: 'us-east-2' } },
    });
    expect(goalFromForm(form({ ...filled, choice: 'evacuate-region' }))).toEqual({
      ok: true,
      value: { kind: 'evacuate', scope: { countries: ['DE'] } },
    });
  });

  it('evacuates one node at a time', () => {
    const r = goalFromForm(form({ choice: 'evacuate-node', nodes: 'a/b, c/d' }));
    expect(r.ok).toBe(false);
  });

  it('says what is missing', () => {
    expect(goalFromForm(form({ choice: 'evacuate-site' }))).toEqual({
      ok: false,
      message: 'Pick the site to evacuate.',
    });
    expect(goalFromForm(form({ choice: 'relieve' })).ok).toBe(false);
    expect(goalFromForm(form({ choice: 'evacuate-region', countries: ' ' })).ok).toBe(false);
  });

  it("asks each choice's permission as the goal it builds does", () => {
    const filled = { nodes: 'a/b', siteId: 's', countries: 'DE' };
    for (const choice of GOAL_CHOICES) {
      const r = goalFromForm(form({ ...filled, choice }));
      expect(r.ok).toBe(true);
      if (r.ok) expect(choicePermission(choice)).toBe(goalPermission(r.value));
    }
  });
});

describe('roles in words', () => {
  it('names the roles that hold a permission', () => {
    expect(rolesThatCan('failover')).toBe('Admin');
    expect(rolesThatCan('plan.consolidate')).toBe('NOC operator or Sustainability analyst or Admin');
  });

  it('approving needs drain and the goal permission', () => {
    const consolidate = { kind: 'consolidate' } as const;
    const evacuate = { kind: 'evacuate', scope: { site: 's' } } as const;
    expect(actionRefusal(consolidate, ROLE_PERMISSIONS.operator)).toBeNull();
    expect(actionRefusal(consolidate, ROLE_PERMISSIONS.analyst)).toBe(
      'Approving this plan needs the NOC operator or Admin role.',
    );
    expect(actionRefusal(evacuate, ROLE_PERMISSIONS.operator)).toBe(
      'Approving this plan needs the Admin role.',
    );
    expect(actionRefusal(evacuate, ROLE_PERMISSIONS.admin)).toBeNull();
    expect(actionRefusal(evacuate, [], 'Stopping this run')).toBe('Stopping this run needs the Admin role.');
  });
});
