import type { SiteSummary } from '../../../../shared/domain';
import type { ResidencyNow, WorkloadNow } from '../../../../shared/residency';

/** Builders for the map's tests. */
export const testSite = (over: Partial<SiteSummary> = {}): SiteSummary => ({
  id: 's',
  name: 'S',
  city: '',
  country: 'DE',
  lat: 0,
  lon: 0,
  status: 'ok',
  statusReason: null,
  nodes: 1,
  nodesReporting: 1,
  gpus: 8,
  gpusReporting: 8,
  utilPct: 50,
  powerKw: 10,
  idleKw: 2,
  idleGpus: 1,
  lastSuccessAt: 0,
  models: [],
  ...over,
});

export const workload = (over: Partial<WorkloadNow> = {}): WorkloadNow => ({
  workload: 'w1',
  tenant: 'kestrel-labs',
  dataClass: 'health',
  siteId: 's',
  siteName: 'S',
  country: 'DE',
  subdivision: null,
  hostname: 'h1',
  gpus: 1,
  since: 1000,
  allowed: true,
  ruleId: 'eu-health',
  reason: 'DE is in EU',
  violationSince: null,
  ...over,
});

/** A `residency.now` answer; violations are the workloads not allowed, as the core builds it. */
export const residencyNow = (workloads: WorkloadNow[], unknownSites: string[] = []): ResidencyNow => ({
  at: 5000,
  policy: { text: 'rules: []', sha256: null, rules: 1, default: 'allow', errors: [] },
  workloads,
  violations: workloads.filter((w) => !w.allowed),
  unknownSites,
});
