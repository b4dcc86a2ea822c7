import { isSilenced, severityRank, type AlertSeverity } from '../../../../shared/alerts';
import type { AlertList, AlertView } from '../../../../shared/contract';
import { badgeCounts, type BadgeCounts } from '../alerts/alertBadge';
import { KIND_WORDS } from '../alerts/alertFilter';

/**
 * The map's Alerts mode (issue 4): each site coloured by its worst firing, unsilenced alert, counted
 * the way the header badge counts (acknowledged alerts still count until they resolve).
 */
export type AlertLevel = AlertSeverity | 'none';
export const ALERT_LEVELS: readonly AlertLevel[] = ['critical', 'warning', 'info', 'none'];

/** The app's --down, --warn and --info; "none" a muted green that stays quiet beside them. */
export const ALERT_LEVEL_COLORS: Record<AlertLevel, string> = {
  critical: '#ff7b72',
  warning: '#e3b341',
  info: '#79c0ff',
  none: '#3a7d4c',
};
export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info only',
  none: 'No firing alerts',
};

export interface SiteAlerts extends BadgeCounts {
  /** The site's firing, unsilenced alerts, worst first, then newest first. */
  alerts: AlertView[];
}

export type AlertIndex = ReadonlyMap<string, SiteAlerts>;

const NO_ALERTS: SiteAlerts = { firing: 0, critical: 0, warning: 0, info: 0, worst: null, alerts: [] };

const byWorstThenNewest = (a: AlertView, b: AlertView) =>
  severityRank(a.severity) - severityRank(b.severity) || b.firstSeen - a.firstSeen;

/**
 * The alert list regrouped by site, keeping what fires and is not silenced at data time `at` (a silence
 * lapses by the clock, not by an event). Sites without any are absent.
 */
export function indexAlerts(list: AlertList, at: number): AlertIndex {
  const groups = new Map<string, AlertView[]>();
  for (const a of list.alerts) {
    let g = groups.get(a.siteId);
    if (!g) groups.set(a.siteId, (g = []));
    g.push(a);
  }
  const out = new Map<string, SiteAlerts>();
  for (const [siteId, alerts] of groups) {
    const c = badgeCounts(alerts, at);
    if (c.firing === 0) continue;
    const firing = alerts.filter((a) => a.state === 'firing' && !isSilenced(a, at));
    out.set(siteId, { ...c, alerts: firing.sort(byWorstThenNewest) });
  }
  return out;
}

/** A site's alerts; null when the list has not arrived yet (unknown, not "none"). */
export function siteAlerts(index: AlertIndex | null, siteId: string): SiteAlerts | null {
  if (index === null) return null;
  return index.get(siteId) ?? NO_ALERTS;
}

export function alertLevel(c: Pick<BadgeCounts, 'worst'>): AlertLevel {
  return c.worst ?? 'none';
}

/** Fill for a site or cluster; null = alerts not known yet (hatched). */
export function alertColor(c: Pick<BadgeCounts, 'worst'> | null): string | null {
  return c === null ? null : ALERT_LEVEL_COLORS[alertLevel(c)];
}

/** The worst of several sites' alerts and their summed counts (a cluster); null if any is unknown. */
export function mergeAlerts(parts: readonly (BadgeCounts | null)[]): BadgeCounts | null {
  const out: BadgeCounts = { firing: 0, critical: 0, warning: 0, info: 0, worst: null };
  for (const p of parts) {
    if (p === null) return null;
    out.firing += p.firing;
    out.critical += p.critical;
    out.warning += p.warning;
    out.info += p.info;
    if (p.worst !== null && (out.worst === null || severityRank(p.worst) < severityRank(out.worst)))
      out.worst = p.worst;
  }
  return out;
}

/** "3 firing alerts (1 critical, 2 warning)", "1 firing alert (warning)", "no firing alerts", "alerts unknown". */
export function alertWords(c: BadgeCounts | null): string {
  if (c === null) return 'alerts unknown';
  if (c.firing === 0) return 'no firing alerts';
  const parts = (['critical', 'warning', 'info'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  const detail = c.firing === 1 ? (c.worst ?? '') : parts.join(', ');
  return `${c.firing} firing alert${c.firing === 1 ? '' : 's'} (${detail})`;
}

/**
 * A site's alerts for its tooltip, a line per severity and kind in the list's order (worst first): a
 * lone alert by its title, several by their count ("10 × critical: Residency violation").
 */
export function alertLines(alerts: readonly AlertView[]): string[] {
  const groups = new Map<string, AlertView[]>();
  for (const a of alerts) {
    const key = `${a.severity}|${a.kind}`;
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.values()].map((g) => {
    const a = g[0]!;
    if (g.length > 1) return `${g.length} × ${a.severity}: ${KIND_WORDS[a.kind]}`;
    return `${a.severity}: ${a.title}${a.hostname ? ` (${a.hostname})` : ''}`;
  });
}
