import type { PolicyFile, PolicyRule, PolicyVerdict } from '../../../shared/policy';
import { err, ok, type Result } from '../../../shared/result';
import { BLOCS, normalisePlace } from '../../../shared/jurisdictions';
import { ISO_ALPHA2 } from './iso3166';

/** Where a workload runs: its site's country and, when known, subdivision (ISO 3166-2). */
export interface Place {
  country: string;
  subdivision?: string | null;
}

/** A place name resolved once: the countries and subdivisions it covers. */
interface Resolved {
  countries: Set<string>;
  subdivisions: Set<string>;
}

interface CompiledRule {
  rule: PolicyRule;
  allow: { names: string[]; set: Resolved } | null;
  deny: { names: string[]; set: Resolved } | null;
}

export interface CompiledPolicy {
  file: PolicyFile;
  rules: CompiledRule[];
}

const covers = (r: Resolved, p: Place) =>
  r.countries.has(normalisePlace(p.country)) ||
  (p.subdivision ? r.subdivisions.has(normalisePlace(p.subdivision)) : false);

/** How deep groups may name groups; real files nest two or three levels. */
export const MAX_GROUP_DEPTH = 64;

/**
 * Resolves every place name of a policy file to countries and subdivisions: blocs, groups (which may
 * name other groups, without cycles) and codes, EL/UK normalised. An unknown code or group is an
 * error naming the rule or group, so a typo never silently matches nothing.
 */
export function compilePolicy(file: PolicyFile): Result<CompiledPolicy> {
  const memo = new Map<string, Resolved>();
  const resolving = new Set<string>();
  const resolve = (name: string, where: string): Result<Resolved> => {
    const n = normalisePlace(name);
    const out: Resolved = { countries: new Set(), subdivisions: new Set() };
    if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(n)) {
      if (!ISO_ALPHA2.has(n.slice(0, 2)))
        return err('CONFIG_INVALID', `${where}: "${name}" is not in a known country`);
      out.subdivisions.add(n);
      return ok(out);
    }
    if (/^[A-Z]{2}$/.test(n) && !(n in BLOCS) && !(n in file.groups)) {
      if (!ISO_ALPHA2.has(n))
        return err('CONFIG_INVALID', `${where}: "${name}" is not an ISO 3166-1 alpha-2 country code`);
      out.countries.add(n);
      return ok(out);
    }
    if (BLOCS[n]) {
      for (const c of BLOCS[n]) out.countries.add(c);
      return ok(out);
    }
    const members = file.groups[n];
    if (!members)
      return err(
        'CONFIG_INVALID',
        `${where}: "${name}" is neither a country, a bloc (EU, EEA) nor a group of this file`,
      );
    const cached = memo.get(n);
    if (cached) return ok(cached);
    if (resolving.has(n))
      return err(
        'CONFIG_INVALID',
        `groups.${n}: the group contains itself (through ${[...resolving].join(' → ')})`,
      );
    // Each level of nesting is a stack frame: a chain of thousands of groups would overflow it.
    if (resolving.size >= MAX_GROUP_DEPTH)
      return err('CONFIG_INVALID', `groups.${n}: groups nest more than ${MAX_GROUP_DEPTH} deep`);
    resolving.add(n);
    for (const m of members) {
      const r = resolve(m, `groups.${n}`);
      if (!r.ok) return r;
      r.value.countries.forEach((c) => out.countries.add(c));
      r.value.subdivisions.forEach((s) => out.subdivisions.add(s));
    }
    resolving.delete(n);
    memo.set(n, out);
    return ok(out);
  };
  const list = (
    names: string[] | undefined,
    where: string,
  ): Result<{ names: string[]; set: Resolved } | null> => {
    if (!names) return ok(null);
    const set: Resolved = { countries: new Set(), subdivisions: new Set() };
    for (const name of names) {
      const r = resolve(name, where);
      if (!r.ok) return r;
      r.value.countries.forEach((c) => set.countries.add(c));
      r.value.subdivisions.forEach((s) => set.subdivisions.add(s));
    }
    return ok({ names, set });
  };
  for (const g of Object.keys(file.groups)) {
    const r = resolve(g, `groups.${g}`);
    if (!r.ok) return r;
  }
  const rules: CompiledRule[] = [];
  for (const [i, rule] of file.rules.entries()) {
    const allow = list(rule.allow, `rules[${i}] (${rule.id}).allow`);
    if (!allow.ok) return allow;
    const deny = list(rule.deny, `rules[${i}] (${rule.id}).deny`);
    if (!deny.ok) return deny;
    rules.push({ rule, allow: allow.value, deny: deny.value });
  }
  return ok({ file, rules });
}

const binds = (r: PolicyRule, tenant: string, dataClass: string) =>
  (!r.tenants || r.tenants.includes(tenant)) && (!r.dataClasses || r.dataClasses.includes(dataClass));

const where = (p: Place) =>
  p.subdivision
    ? `${normalisePlace(p.subdivision)} (${normalisePlace(p.country)})`
    : normalisePlace(p.country);

/**
 * May a workload of `tenant` with `dataClass` run at `place`? Every rule that binds it must allow the
 * place, and none may deny it (deny beats allow); with no binding rule, the file's default decides.
 */
export function evaluatePolicy(
  p: CompiledPolicy,
  tenant: string,
  dataClass: string,
  place: Place,
): PolicyVerdict {
  const binding = p.rules.filter((r) => binds(r.rule, tenant, dataClass));
  if (binding.length === 0)
    return p.file.default === 'allow'
      ? {
          allowed: true,
          ruleId: 'default',
          reason: `no rule binds ${tenant}/${dataClass}; the default allows anywhere`,
        }
      : {
          allowed: false,
          ruleId: 'default',
          reason: `no rule binds ${tenant}/${dataClass}; the default denies everywhere`,
        };
  for (const r of binding)
    if (r.deny && covers(r.deny.set, place))
      return {
        allowed: false,
        ruleId: r.rule.id,
        reason: `${r.rule.id} denies ${r.deny.names.join(', ')}; ${where(place)} is in it`,
      };
  for (const r of binding)
    if (r.allow && !covers(r.allow.set, place))
      return {
        allowed: false,
        ruleId: r.rule.id,
        reason: `${r.rule.id} allows ${r.allow.names.join(', ')} only; ${where(place)} is outside`,
      };
  return {
    allowed: true,
    ruleId: binding[0]!.rule.id,
    reason: `${binding.map((r) => r.rule.id).join(', ')} allow ${where(place)}`,
  };
}
