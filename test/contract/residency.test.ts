import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/createCore';
import { startTestCore, windowOn } from './testCore';

/**
 * Issue 7 over the contract, against the simulator's Slurm: an EU-only workload moved to a US site
 * becomes a violation (and an alert) on the next tick; the history answers where it ran; the
 * evidence report's hash is in the audit log, and a tampered copy fails verification.
 */
let now = Date.UTC(2026, 10, 29, 10, 0, 0);
let core: Core;
const POLICY = `# EU health data stays in the EU
rules:
  - id: eu-health
    dataClasses: [health]
    allow: [EU]
`;

async function tick() {
  now += 1000;
  await core.fleet.scrapeAll();
  core.fleet.tick();
}

async function control(siteId: string, body: unknown) {
  const p = core.sim!.profiles.find((x) => x.id === siteId)!;
  const url = new URL(p.telemetry.kind === 'dcgm' ? p.telemetry.endpoints[0]!.url : '');
  const r = await fetch(`${url.origin}/sim/control`, { method: 'POST', body: JSON.stringify(body) });
  expect(r.status).toBe(200);
}

const EU = 'eu-fra-1';
const US = 'na-ash-1';

beforeAll(async () => {
  core = await startTestCore({
    demo: { seed: 42, sites: 24, nodesPerSite: 2 },
    intervalMs: 1000,
    now: () => now,
  });
  await tick();
});
afterAll(() => core.stop());

describe('residency', () => {
  it('only an admin sets the policy; a bad one is refused with its line and field', async () => {
    expect(await windowOn(core, 'operator').call('policy.set', { text: POLICY })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const bad = await windowOn(core, 'admin').call('policy.set', {
      text: 'rules:\n  - id: x\n    allow: [DX]\n',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'CONFIG_INVALID', message: expect.stringContaining('"DX"') },
    });
    const good = await windowOn(core, 'admin').call('policy.set', { text: POLICY });
    if (!good.ok) throw new Error(good.error.message);
    expect(good.value).toMatchObject({
      rules: 1,
      errors: [],
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('an EU-only workload moved to a US site is a violation on the next tick, with an alert', async () => {
    await control(EU, {
      run: { name: 'ehr-train', account: 'helios-health', comment: 'data-class=health workload=wl-ehr' },
    });
    await tick();
    let r = await windowOn(core).call('residency.now', {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.workloads.find((w) => w.workload === 'wl-ehr')).toMatchObject({
      siteId: EU,
      country: 'DE',
      allowed: true,
    });

    await control(EU, { cancelWorkload: 'wl-ehr' });
    await control(US, {
      run: { name: 'ehr-train', account: 'helios-health', comment: 'data-class=health workload=wl-ehr' },
    });
    await tick();
    r = await windowOn(core).call('residency.now', {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.violations.find((w) => w.workload === 'wl-ehr')).toMatchObject({
      siteId: US,
      country: 'US',
      ruleId: 'eu-health',
      reason: 'eu-health allows EU only; US is outside',
      violationSince: now,
    });
    // The move is in the node's timeline.
    const host = r.value.violations.find((w) => w.workload === 'wl-ehr')!.hostname!;
    const node = await windowOn(core).call('node.detail', { siteId: US, hostname: host });
    if (!node.ok) throw new Error(node.error.message);
    expect(node.value.timeline.map((e) => e.text)).toContain(
      `wl-ehr (helios-health, health) moved here from ${EU} (DE)`,
    );
    const alerts = await windowOn(core).call('alerts.list', {});
    if (!alerts.ok) throw new Error(alerts.error.message);
    expect(
      alerts.value.alerts.find(
        (a) => a.kind === 'residency' && a.siteId === US && a.detail.includes('wl-ehr'),
      ),
    ).toMatchObject({
      state: 'firing',
      severity: 'critical',
    });
  });

  it('the history answers where the tenant’s health data ran, and the report’s hash verifies', async () => {
    const q = { from: now - 3_600_000, to: now + 1, tenant: 'helios-health', workload: 'wl-ehr' };
    const a = await windowOn(core).call('residency.query', q);
    if (!a.ok) throw new Error(a.error.message);
    expect(a.value.workloads[0]!.stays.map((s) => [s.siteId, s.country])).toEqual([
      [EU, 'DE'],
      [US, 'US'],
    ]);
    expect(a.value.violations).toEqual([
      expect.objectContaining({ workload: 'wl-ehr', country: 'US', to: null }),
    ]);
    expect(a.value.byJurisdiction.map((x) => x.country).sort()).toEqual(['DE', 'US']);

    const rep = await windowOn(core, 'analyst').call('residency.report', q);
    if (!rep.ok) throw new Error(rep.error.message);
    expect(rep.value.content).toContain('violation,wl-ehr,helios-health,health,na-ash-1,US,eu-health');
    expect(core.audit.list({ action: 'sovereignty.report' }, 1)[0]!.params.sha256).toBe(rep.value.sha256);
    const ok = await windowOn(core).call('residency.verifyReport', { content: rep.value.content });
    expect(ok.ok && ok.value.match).toMatchObject({ by: expect.any(String) });
    const tampered = rep.value.content.replace('na-ash-1,US', 'eu-fra-1,DE');
    const bad = await windowOn(core).call('residency.verifyReport', { content: tampered });
    expect(bad.ok && bad.value.match).toBeNull();
  });
});
