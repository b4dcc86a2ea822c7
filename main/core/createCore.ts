import type { AppInfo } from '../../shared/domain';
import type { TerminalTarget } from '../../shared/terminal';
import { err, ok, type Result } from '../../shared/result';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AuditLog } from './audit/auditLog';
import { createDispatcher, type Dispatch, type EventSource } from './api/dispatcher';
import { AdminPassphrase } from './session/adminPassphrase';
import { newSession, systemActor, type Session } from './session/sessions';
import { createEventSource, createHandlers } from './api/handlers';
import { loadSites } from './config/loadSites';
import type { SiteConfig } from './config/sitesFile';
import { resolveSites } from './config/resolveSites';
import { FileSecretStore, type SecretStore } from './config/secretStore';
import { overlaySecrets } from './config/overlaySecrets';
import { SiteStore } from './config/siteStore';
import { SiteRegistry } from './sites/siteRegistry';
import { HostKeyStore } from './ssh/hostKeyStore';
import { resolveTerminalTarget } from './ssh/resolveTarget';
import { TerminalService } from './ssh/terminalService';
import { BroadcastService } from './ssh/broadcastService';
import { SshCommandRunner } from './ssh/sshCommandRunner';
import { NodeActions } from './sites/nodeActions';
import { siteSlurmTools } from './sites/siteSlurmTools';
import { PlacementService } from './placement/placementService';
import { SlurmMoveAdapter } from './placement/slurmMoveAdapter';
import { planNow } from './placement/planNow';
import { homedir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { osUserName } from './session/sessions';
import { FleetService } from './fleet/fleetService';
import { ScrapePool } from './ingest/scrapePool';
import { SustainabilityService } from './energy/sustainabilityService';
import { AlertService } from './alerts/alertService';
import { NodeTimeline } from './fleet/nodeTimeline';
import { NodeViews } from './fleet/nodeViews';
import { SiteHealthService } from './fleet/siteHealth';
import { ResidencyService } from './residency/residencyService';
import { startDemoFleet, type DemoFleet } from './sim/startDemoFleet';

export interface CoreOptions {
  shell: AppInfo['shell'];
  version: string;
  /** null: no config directory at all (tests) — always the demo fleet. */
  configDir: string | null;
  intervalMs: number;
  demo?: { seed: number; sites: number; nodesPerSite: number | [number, number] };
  log?: (msg: string) => void;
  /** Where secrets live: Electron safeStorage on the desktop; default a 0600 file in the config dir. */
  secrets?: SecretStore;
  /** Where the bundled data files are (the carbon table); default ./resources. */
  resourcesDir?: string;
  /** The clock, for tests that freeze time to compare against the simulator's ground truth. */
  now?: () => number;
  /**
   * The scrape worker's file (out/main/scrapeWorker.js, or main/scrapeWorker.ts from source): dcgm
   * scrapes then run on a worker thread (ingest/scrapePool.ts). Without it they run on the core's thread.
   */
  scrapeWorker?: string;
}

export interface Core {
  dispatch: Dispatch;
  events: EventSource;
  fleet: FleetService;
  audit: AuditLog;
  sites: SiteRegistry;
  terminals: TerminalService;
  alerts: AlertService;
  /** A new session (one per window or browser connection), starting as NOC operator. */
  newSession(profile?: string): Session;
  /** The embedded simulator, when the demo fleet runs. */
  sim: DemoFleet | null;
  stop(): Promise<void>;
}

export const DEMO_FLEET = { seed: 42, sites: 24, nodesPerSite: [4, 32] as [number, number] };

/**
 * Builds the whole core without Electron: sites from the config directory, or the embedded
 * simulator (served on loopback and scraped over real HTTP, like any site) when none are configured.
 */
export async function createCore(opts: CoreOptions): Promise<Result<Core>> {
  const loaded = opts.configDir ? await loadSites(opts.configDir) : ({ kind: 'demo' } as const);
  if (loaded.kind === 'invalid')
    return err('CONFIG_INVALID', `${loaded.message}. Fix the file, or move it away to run the demo fleet.`);
  // Without a config directory (tests) the audit log and passphrase live in a fresh temp dir.
  const stateDir = opts.configDir ?? (await mkdtemp(join(tmpdir(), 'fleet-console-')));
  let sites: SiteConfig[];
  let sim: Core['sim'] = null;
  if (loaded.kind === 'demo') {
    const demo = await startDemoFleet(opts.demo ?? DEMO_FLEET, { keyDir: stateDir, now: opts.now });
    if (!demo.ok) return demo;
    sim = demo.value;
    sites = demo.value.profiles;
  } else {
    sites = loaded.sites;
  }
  const stored = opts.secrets ?? new FileSecretStore(stateDir);
  // The demo's own secrets (its simulated schedulers' tokens) live in memory, never in the user's store.
  const secrets = sim ? overlaySecrets(stored, sim.secrets) : stored;
  const resolved = await resolveSites(sites, secrets);
  const audit = await AuditLog.open({ dir: join(stateDir, 'audit') }, systemActor());
  const passphrase = await AdminPassphrase.load(stateDir);
  const fleetSource = loaded.kind === 'demo' ? 'demo' : 'configured';
  await audit.append({
    actor: systemActor(),
    role: 'admin',
    action: 'console.start',
    params: { shell: opts.shell, version: opts.version, fleetSource, sites: sites.length },
    outcome: 'ok',
  });
  const pool = opts.scrapeWorker ? new ScrapePool(opts.scrapeWorker, { log: opts.log }) : null;
  const fleet = new FleetService(resolved, {
    intervalMs: opts.intervalMs,
    now: opts.now,
    scraper: pool?.scrape,
  });
  const sustainability = await SustainabilityService.open(fleet, {
    stateDir,
    resourcesDir: opts.resourcesDir ?? resolve('resources'),
    now: opts.now,
    log: opts.log,
  });
  const timeline = new NodeTimeline();
  const health = new SiteHealthService(fleet, stateDir);
  await health.load();
  fleet.onTick((t) => health.onTick(t.point.t));
  const residency = await ResidencyService.open(fleet, stateDir, audit, timeline);
  for (const n of residency.notes) opts.log?.(n);
  // Residency before alerts on each tick, so a new violation alerts on the tick that saw it.
  fleet.onTick((t) => residency.onTick(t.point.t));
  const alerts = await AlertService.open(fleet, timeline, stateDir, () => residency.violationsByNode());
  for (const n of alerts.notes) opts.log?.(n);
  // Alerts are evaluated on each tick, before subscribers hear of it, so a tick and its alerts agree.
  fleet.onTick(() => alerts.evaluate());
  const registry = new SiteRegistry({
    store: new SiteStore(stateDir),
    secrets,
    fleet,
    audit,
    initial: { demo: loaded.kind === 'demo', profiles: sites },
    // The first site of the user's own replaces the demo fleet; its simulator is no longer needed.
    onDemoEnd: async () => {
      await sim?.stop();
    },
  });
  const home = homedir();
  const hostKeys = new HostKeyStore([join(home, '.ssh', 'known_hosts')], join(stateDir, 'known_hosts'));
  const resolveTarget = async (target: TerminalTarget) =>
    resolveTerminalTarget(target, registry.list(), {
      home,
      localUser: osUserName(),
      agentSocket: process.env.SSH_AUTH_SOCK,
      sshConfigText: await readFile(join(home, '.ssh', 'config'), 'utf8').catch(() => ''),
    });
  const terminals = new TerminalService({ hostKeys, audit, resolve: resolveTarget });
  const sshRunner = (target: TerminalTarget) =>
    new SshCommandRunner(target, { hostKeys, resolve: resolveTarget, timeoutMs: 20_000 });
  const nodeActions = new NodeActions({
    site: (id) => fleet.resolvedSite(id),
    audit,
    sshRunner,
    timeoutMs: 20_000,
    afterAction: (siteId) => fleet.refreshScheduler(siteId),
  });
  const broadcasts = new BroadcastService({ hostKeys, audit, resolve: resolveTarget });
  const placement = await PlacementService.open({
    stateDir,
    audit,
    adapter: new SlurmMoveAdapter({
      tools: (id) => {
        const site = fleet.resolvedSite(id);
        return site ? siteSlurmTools(site, sshRunner, 20_000) : err('NOT_FOUND', `No site with id "${id}".`);
      },
      reason: (ref) => `Fleet Console plan ${ref.planId}`,
    }),
    planFor: (goal) => planNow(fleet, residency, sustainability, goal),
    refresh: (siteId) => fleet.refreshScheduler(siteId),
    now: opts.now,
    log: opts.log,
  });
  for (const n of placement.notes) opts.log?.(n);
  const dispatch = createDispatcher(
    createHandlers({
      fleet,
      audit,
      passphrase,
      sites: registry,
      nodeActions,
      terminals,
      broadcasts,
      sustainability,
      alerts,
      nodes: new NodeViews(fleet, alerts, timeline, audit, health),
      health,
      residency,
      placement,
      info: { name: 'Fleet Console', version: opts.version, shell: opts.shell, configDir: opts.configDir },
    }),
    { log: opts.log, audit: (e) => audit.append(e) },
  );
  fleet.start();
  sustainability.start();
  health.start();
  return ok({
    dispatch,
    events: createEventSource(fleet, audit, terminals, broadcasts, alerts, placement),
    fleet,
    audit,
    sites: registry,
    terminals,
    alerts,
    newSession: (profile) => newSession(profile),
    sim,
    async stop() {
      terminals.closeAll();
      await placement.shutdown();
      await fleet.stop();
      await pool?.close();
      await sustainability.stop();
      await health.stop();
      await sim?.stop();
      await audit.close();
    },
  });
}
