/**
 * Which site an audit entry's target names, so the table can open that site's panel. The core writes
 * node and shell targets as "<siteId>/<hostname>", requeues as "<siteId>/job <id>" and site changes as
 * "<siteId>"; other targets (roles, secret names, files, "12 nodes", host:port) name no site.
 */
export interface SiteTarget {
  siteId: string;
  /** The node, when the target names one. */
  hostname: string | null;
  /** The job, when the target names one. */
  jobId: number | null;
}

/** Actions whose target is never a site, whatever it looks like (a role named like a site, a secret…). */
const NOT_SITE_ACTIONS = /^(session\.|admin\.|secret\.|audit\.|console\.)/;

const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const JOB = /^job (\d{1,12})$/;

/**
 * The site (and node or job) a target names, or null when it names none or the site is not one the
 * fleet knows now (a removed site has no panel to open).
 */
export function parseSiteTarget(
  target: string | null,
  knownSiteIds: ReadonlySet<string>,
  action = '',
): SiteTarget | null {
  if (target === null || NOT_SITE_ACTIONS.test(action)) return null;
  const slash = target.indexOf('/');
  if (slash < 0) return knownSiteIds.has(target) ? { siteId: target, hostname: null, jobId: null } : null;
  const siteId = target.slice(0, slash);
  const rest = target.slice(slash + 1);
  if (!knownSiteIds.has(siteId)) return null;
  const job = JOB.exec(rest);
  if (job) return { siteId, hostname: null, jobId: Number(job[1]) };
  return HOSTNAME.test(rest) ? { siteId, hostname: rest, jobId: null } : null;
}
