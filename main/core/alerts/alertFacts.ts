/**
 * What the alert engine reads each tick: plain arrays of plain objects, built by the caller from the
 * fleet's state, so the engine stays pure and a test can write a whole fleet as a literal.
 * Every reading is `number | null`; null means "not known this tick", never zero (STYLE.md rule 9).
 */

export interface GpuFacts {
  index: number;
  tempC: number | null;
  powerW: number | null;
  powerLimitW: number | null;
  /** DCGM_FI_DEV_XID_ERRORS: the last XID since the driver loaded; 0 = none. */
  xid: number | null;
  /** DCGM_FI_DEV_ROW_REMAP_FAILURE: > 0 once a row could not be remapped. */
  rowRemapFailure: number | null;
  /**
   * Epoch ms the readings were taken. Readings older than READING_FRESH_INTERVALS intervals count as
   * missing, so a dead node's last hot reading neither starts nor clears anything. Null = age unknown,
   * and the readings are taken as current.
   */
  sampleAt: number | null;
}

export interface NodeFacts {
  siteId: string;
  hostname: string;
  /** Epoch ms of the node's last successful scrape; null if it never answered. */
  lastSuccessAt: number | null;
  /**
   * The scheduler's state as text, base state and flags joined with "+" (Slurm: "IDLE+NOT_RESPONDING",
   * "DOWN+DRAIN") or sinfo's word ("down*", "idle*"); null when the site has no scheduler or it does
   * not know the node.
   */
  schedulerState: string | null;
  schedulerReason: string | null;
  gpus: GpuFacts[];
  /** Workloads on this node that break a residency rule now (issue 7); absent = none known. */
  violations?: { workload: string; tenant: string; dataClass: string; ruleId: string; reason: string }[];
}

export interface SiteFacts {
  siteId: string;
  /** False when the last poll of the site failed as a whole (unreachable, refused, timed out). */
  reachable: boolean;
  /** The site's status reason, in words a person can act on; null when there is none. */
  statusReason: string | null;
}

export interface AlertFacts {
  /** Epoch ms of this tick. */
  at: number;
  /** The poll interval; forIntervals holds and reading freshness are measured in it. */
  intervalMs: number;
  sites: SiteFacts[];
  nodes: NodeFacts[];
}

/** Same as the fleet's node "stale" status (FleetService staleIntervals = 3). */
export const READING_FRESH_INTERVALS = 3;
