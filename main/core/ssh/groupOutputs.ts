/**
 * Groups a broadcast's per-node results by identical output (exit code + stdout + stderr), biggest
 * group first, so 497 nodes agreeing and 3 that differ (another driver version) read at a glance.
 * Groups smaller than the largest are the outliers. Pure.
 */
export interface NodeResult {
  siteId: string;
  hostname: string;
  state: 'pending' | 'running' | 'done' | 'failed' | 'timeout' | 'cancelled';
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Why it did not run (connect or host-key failure), in words. */
  error: string | null;
  ms: number | null;
}

export interface OutputGroup {
  key: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  error: string | null;
  nodes: { siteId: string; hostname: string }[];
  outlier: boolean;
}

export function groupOutputs(results: readonly NodeResult[]): OutputGroup[] {
  const groups = new Map<string, OutputGroup>();
  for (const r of results) {
    if (r.state === 'pending' || r.state === 'running') continue;
    const key = JSON.stringify([r.state, r.exitCode, r.stdout.trimEnd(), r.stderr.trimEnd(), r.error]);
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        exitCode: r.exitCode,
        stdout: r.stdout,
        stderr: r.stderr,
        error: r.error,
        nodes: [],
        outlier: false,
      };
      groups.set(key, g);
    }
    g.nodes.push({ siteId: r.siteId, hostname: r.hostname });
  }
  const sorted = [...groups.values()].sort((a, b) => b.nodes.length - a.nodes.length);
  const top = sorted[0]?.nodes.length ?? 0;
  for (const g of sorted) g.outlier = sorted.length > 1 && g.nodes.length < top;
  return sorted;
}

/** CSV of every node's result (RFC 4180; formula-like cells defused), for export. */
export function resultsCsv(results: readonly NodeResult[], cell: (v: string) => string): string {
  const head = 'site,hostname,state,exit_code,ms,stdout,stderr,error';
  const rows = results.map((r) =>
    [
      r.siteId,
      r.hostname,
      r.state,
      r.exitCode === null ? '' : String(r.exitCode),
      r.ms === null ? '' : String(r.ms),
      r.stdout,
      r.stderr,
      r.error ?? '',
    ]
      .map(cell)
      .join(','),
  );
  return [head, ...rows].join('\r\n') + '\r\n';
}
