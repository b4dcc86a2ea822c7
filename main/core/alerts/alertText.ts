import {
  moreSevere,
  xidMeaning,
  xidSeverity,
  type AlertRule,
  type AlertSeverity,
} from '../../../shared/alerts';
import type { GpuFacts, NodeFacts, SiteFacts } from './alertFacts';

/**
 * The words and number an alert shows for its current reading. Built only for conditions that are true,
 * so a healthy fleet costs no strings.
 */
export interface AlertFacet {
  severity: AlertSeverity;
  title: string;
  detail: string;
  value: number | null;
}

/** Power as % of the GPU's limit; null when either is unknown or the limit is not a real limit. */
export function powerPct(g: Pick<GpuFacts, 'powerW' | 'powerLimitW'>): number | null {
  if (g.powerW === null || g.powerLimitW === null || !(g.powerLimitW > 0)) return null;
  return (g.powerW / g.powerLimitW) * 100;
}

/** "45 s", "3 min", "2 h 5 min": how long, at the precision a person reads. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
}

const where = (node: NodeFacts) => `${node.hostname} (${node.siteId})`;

export function gpuFacet(rule: AlertRule, node: NodeFacts, g: GpuFacts): AlertFacet {
  const gpu = `GPU ${g.index}`;
  switch (rule.kind) {
    case 'gpu-temp': {
      const t = Math.round(g.tempC ?? NaN);
      return {
        severity: rule.severity,
        title: `${gpu} at ${t} °C`,
        detail:
          `${gpu} on ${where(node)} is at ${t} °C, above ${rule.threshold} °C: check the node's airflow and ` +
          'fans; drain it if the temperature keeps rising.',
        value: g.tempC,
      };
    }
    case 'gpu-power': {
      const pct = powerPct(g);
      const p = Math.round(pct ?? NaN);
      return {
        severity: rule.severity,
        title: `${gpu} at ${p} % of its power limit`,
        detail:
          `${gpu} on ${where(node)} draws ${Math.round(g.powerW ?? NaN)} W of its ${Math.round(g.powerLimitW ?? NaN)} W ` +
          `limit (${p} %, above ${rule.threshold} %): it is likely power-capped and slowed; check the job and the ` +
          "rack's power budget.",
        value: pct,
      };
    }
    case 'xid': {
      const code = g.xid ?? NaN;
      return {
        // The more severe of the two: a user may raise every XID to critical but never lower 48 or 79.
        severity: moreSevere(rule.severity, xidSeverity(code)),
        title: `${gpu}: XID ${code}`,
        detail: `${gpu} on ${where(node)} reported ${xidMeaning(code)}.`,
        value: code,
      };
    }
    default:
      return {
        severity: rule.severity,
        title: `${gpu}: row remapping failed`,
        detail:
          `${gpu} on ${where(node)} could not remap a failing memory row, so its memory is degraded: drain the ` +
          'node and replace the GPU.',
        value: g.rowRemapFailure,
      };
  }
}

export function nodeDownFacet(rule: AlertRule, node: NodeFacts): AlertFacet {
  const why = node.schedulerReason ? ` (reason: "${node.schedulerReason}")` : '';
  return {
    severity: rule.severity,
    title: `${node.hostname} is ${node.schedulerState} in the scheduler`,
    detail:
      `The scheduler reports ${where(node)} as ${node.schedulerState}${why}: check the node's console or BMC, ` +
      'then resume it in the scheduler once it is healthy.',
    value: null,
  };
}

/** ageMs null: the node has not answered since the console started. */
export function staleFacet(rule: AlertRule, node: NodeFacts, ageMs: number | null): AlertFacet {
  return {
    severity: rule.severity,
    title:
      ageMs === null
        ? `No data yet from ${node.hostname}`
        : `No data from ${node.hostname} for ${formatAge(ageMs)}`,
    detail:
      (ageMs === null
        ? `${where(node)} has not answered since the console started`
        : `The console last heard from ${where(node)} ${formatAge(ageMs)} ago`) +
      ': check its exporter and its network; its readings are shown as stale meanwhile.',
    value: ageMs === null ? null : Math.round(ageMs / 1000),
  };
}

export function siteFacet(rule: AlertRule, site: SiteFacts, forMs: number): AlertFacet {
  const why = site.statusReason?.replace(/[.\s]+$/, '') || 'the console gets no answer from it';
  return {
    severity: rule.severity,
    title: `Site ${site.siteId} unreachable`,
    detail:
      `Site ${site.siteId} has been unreachable for ${formatAge(forMs)}: ${why}. Its nodes' readings are ` +
      'stale until it answers.',
    value: null,
  };
}

export function residencyFacet(rule: AlertRule, node: NodeFacts): AlertFacet {
  const v = node.violations ?? [];
  const first = v[0]!;
  return {
    severity: rule.severity,
    title:
      v.length === 1
        ? `${first.workload} (${first.tenant}, ${first.dataClass}) breaks ${first.ruleId}`
        : `${v.length} workloads break residency rules on ${node.hostname}`,
    detail:
      `${v.map((x) => `${x.workload}: ${x.reason}`).join('; ')}. Move the workload to a site the rule allows ` +
      '(Placement), or change the policy if it is wrong (Sovereignty).',
    value: v.length,
  };
}
