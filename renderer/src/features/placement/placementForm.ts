import { goalPermission, type PlanGoalView } from '../../../../shared/placement';
import { ROLE_LABELS, ROLES, can, type Permission } from '../../../../shared/roles';

/**
 * The goal picker's state and how it becomes a PlanGoal. The form keeps what was typed per scope, so
 * switching goals back and forth loses nothing; only the chosen goal's scope is read.
 */

export const GOAL_CHOICES = [
  'consolidate',
  'relieve',
  'evacuate-node',
  'evacuate-site',
  'evacuate-region',
] as const;
export type GoalChoice = (typeof GOAL_CHOICES)[number];

/** The evacuate choices sit in a group of their own: each is a what-if until confirmed by name. */
export const EVACUATE_CHOICES = ['evacuate-node', 'evacuate-site', 'evacuate-region'] as const;

export const GOAL_LABELS: Record<GoalChoice, string> = {
  consolidate: 'Consolidate: free whole nodes',
  relieve: 'Relieve nodes',
  'evacuate-node': 'Evacuate a node',
  'evacuate-site': 'Evacuate a site',
  'evacuate-region': 'Evacuate a region (countries)',
};

export const isGoalChoice = (s: string): s is GoalChoice => (GOAL_CHOICES as readonly string[]).includes(s);

export interface GoalForm {
  choice: GoalChoice;
  /** "siteId/hostname", several comma-separated for relieve. */
  nodes: string;
  siteId: string;
  /** ISO 3166-1 alpha-2 codes, comma-separated, any case. */
  countries: string;
}

export const EMPTY_FORM: GoalForm = { choice: 'consolidate', nodes: '', siteId: '', countries: '' };

/** What each choice asks of the role, without building a goal (the option list needs it up front). */
export function choicePermission(choice: GoalChoice): Permission {
  return choice === 'consolidate' ? 'plan.consolidate' : choice === 'relieve' ? 'plan.relieve' : 'failover';
}

export interface NodeRef {
  siteId: string;
  hostname: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The schema's own bound on a relieve goal. */
const MAX_NODES = 1000;

/**
 * "eu-fra-1/gpu-a-01, us-east-2/gpu-07" → node refs, in order, duplicates once. Commas, spaces and
 * new lines all separate (pasted lists come every way). The first "/" splits site from host.
 */
export function parseNodeList(text: string): Parsed<NodeRef[]> {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: 'Name a node as site/host, e.g. eu-fra-1/gpu-a-01.' };
  const seen = new Set<string>();
  const out: NodeRef[] = [];
  for (const p of parts) {
    const slash = p.indexOf('/');
    const siteId = slash < 0 ? '' : p.slice(0, slash);
    const hostname = slash < 0 ? '' : p.slice(slash + 1);
    if (!siteId || !hostname || hostname.includes('/'))
      return { ok: false, message: `"${p}" is not site/host (e.g. eu-fra-1/gpu-a-01).` };
    const key = `${siteId}/${hostname}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ siteId, hostname });
  }
  if (out.length > MAX_NODES) return { ok: false, message: `At most ${MAX_NODES} nodes in one plan.` };
  return { ok: true, value: out };
}

/** "de, fr at" → ["DE", "FR", "AT"]: upper-cased, duplicates once, each two letters. */
export function parseCountries(text: string): Parsed<string[]> {
  const parts = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
  if (parts.length === 0) return { ok: false, message: 'Name at least one country code, e.g. DE, FR.' };
  const bad = parts.find((c) => !/^[A-Z]{2}$/.test(c));
  if (bad !== undefined)
    return { ok: false, message: `"${bad}" is not a two-letter country code (ISO 3166-1).` };
  return { ok: true, value: [...new Set(parts)] };
}

/** The form as the goal `placement.plan` takes, or what is missing in words. */
export function goalFromForm(form: GoalForm): Parsed<PlanGoalView> {
  switch (form.choice) {
    case 'consolidate':
      return { ok: true, value: { kind: 'consolidate' } };
    case 'relieve': {
      const nodes = parseNodeList(form.nodes);
      return nodes.ok ? { ok: true, value: { kind: 'relieve', nodes: nodes.value } } : nodes;
    }
    case 'evacuate-node': {
      const nodes = parseNodeList(form.nodes);
      if (!nodes.ok) return nodes;
      const [node] = nodes.value;
      if (nodes.value.length !== 1 || !node)
        return { ok: false, message: 'Evacuate one node at a time: name a single site/host.' };
      return { ok: true, value: { kind: 'evacuate', scope: { node } } };
    }
    case 'evacuate-site':
      return form.siteId
        ? { ok: true, value: { kind: 'evacuate', scope: { site: form.siteId } } }
        : { ok: false, message: 'Pick the site to evacuate.' };
    case 'evacuate-region': {
      const countries = parseCountries(form.countries);
      return countries.ok
        ? { ok: true, value: { kind: 'evacuate', scope: { countries: countries.value } } }
        : countries;
    }
  }
}

/** Roles that hold `permission`, in words: "NOC operator or Admin". */
export function rolesThatCan(permission: Permission): string {
  return ROLES.filter((r) => can(r, permission))
    .map((r) => ROLE_LABELS[r])
    .join(' or ');
}

/**
 * Whether this session may act on a plan for `goal` (approve it; stop or resume its run): the calls
 * need "drain", the goal its own permission (shared/calls/placementCalls.ts). Why not, or null.
 */
export function actionRefusal(
  goal: PlanGoalView,
  permissions: readonly Permission[],
  doing = 'Approving this plan',
): string | null {
  const need = [...new Set<Permission>(['drain', goalPermission(goal)])];
  if (need.every((p) => permissions.includes(p))) return null;
  const roles = ROLES.filter((r) => need.every((p) => can(r, p))).map((r) => ROLE_LABELS[r]);
  return `${doing} needs the ${roles.join(' or ')} role.`;
}
