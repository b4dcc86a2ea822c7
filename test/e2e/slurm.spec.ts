import { expect, test } from '@playwright/test';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { startSlurmCluster, type RunningSlurm } from '../integration/slurmCluster';
import { haveBinary } from '../integration/needBinary';
import { becomeAdmin } from './admin';
import { startServe } from './serveProcess';

/**
 * Issue 3's Slurm half as a new user does it: a real Slurm 22.05 (slurmctld, 4 slurmd × 8 H200,
 * slurmrestd with JWT), added as a site's scheduler through the Sites page; its nodes and jobs appear
 * in the site panel; draining a node there is checked against the real `scontrol show node`.
 * Needs root (slurmd); under CI=true anything missing is a failure.
 */
const enabled =
  process.getuid?.() === 0 &&
  haveBinary(
    'slurmctld',
    'apt-get install slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin munge',
  );
if (process.getuid?.() !== 0 && process.env.CI === 'true')
  throw new Error('CI: the Slurm e2e needs root (slurmd runs jobs as their user)');

let slurm: RunningSlurm;
let sim: RunningSim;
let serve: Awaited<ReturnType<typeof startServe>>;
let jobId: number;

test.beforeAll(async () => {
  if (!enabled) return;
  test.setTimeout(120_000);
  slurm = await startSlurmCluster();
  const out = await slurm.cli('sbatch', [
    '--parsable',
    '--gres=gpu:2',
    '--job-name=train-e2e',
    '--output=/dev/null',
    '--wrap',
    'sleep 300',
  ]);
  jobId = Number(out.trim().split(';')[0]);
  sim = await startSimServers(new SimFleet({ seed: 5, sites: 1, nodesPerSite: 1 }));
  serve = await startServe();
});
test.afterAll(async () => {
  await serve?.stop();
  await sim?.stop();
  await slurm?.stop();
});

// Registered only where it can run (vitest's describe.runIf, in Playwright terms).
if (enabled)
  test('an admin adds a site with its Slurm; nodes and jobs appear; a drain from the panel reaches slurmctld', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const endpoint =
      sim.manifest.sites[0]!.telemetry.kind === 'dcgm'
        ? sim.manifest.sites[0]!.telemetry.endpoints[0]!
        : null;
    await page.goto(serve.url);
    await becomeAdmin(page);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Sites' }).click();
    await page.getByTestId('site-add').click();
    const form = page.getByTestId('site-form');
    await form.getByLabel('Site id').fill('eu-hpc-1');
    await form.getByLabel('Name', { exact: true }).fill('HPC Slurm');
    await form.getByLabel('Country').fill('FI');
    await form.getByLabel('Latitude').fill('60.17');
    await form.getByLabel('Longitude').fill('24.94');
    await form.getByLabel('Node 1 host').fill(endpoint!.hostname);
    await form.getByLabel('Node 1 metrics URL').fill(endpoint!.url);
    await form.getByLabel('This site runs Slurm').check();
    await form.getByLabel('slurmrestd URL').fill(slurm.restUrl);
    await form.getByLabel('Slurm user').fill('root');
    await form.getByLabel('Slurm token value').fill(slurm.token('root', 3600));
    await form.getByRole('radio', { name: 'On this machine' }).check();
    await form.getByLabel('slurm.conf path').fill(slurm.clientConf);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByTestId('site-test-results')).toContainText(/4 node\(s\), 32 GPU\(s\)/, {
      timeout: 20_000,
    });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Fleet' }).click();
    await page.locator('[data-testid="site-marker"][aria-label^="HPC Slurm,"]').click();
    const panel = page.getByTestId('site-panel');
    for (const n of slurm.nodeNames)
      await expect(panel.getByTestId('node-row').filter({ hasText: n })).toHaveCount(1, { timeout: 20_000 });
    const job = panel.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);
    await expect(job).toContainText('train-e2e');
    await expect(job).toContainText('RUNNING');

    // Drain the job's node from the panel, with a reason; slurmctld itself must say DRAIN.
    const node = (await slurm.cli('squeue', ['-h', '-j', String(jobId), '-o', '%N'])).trim();
    await panel.getByRole('button', { name: `Drain ${node}` }).click();
    const dialog = page.getByRole('dialog', { name: `Drain ${node}` });
    await dialog.getByLabel('Reason').fill('e2e: fan failure');
    await dialog.getByRole('button', { name: 'Drain' }).click();
    await expect
      .poll(async () => slurm.cli('scontrol', ['show', 'node', node]), { timeout: 20_000 })
      .toMatch(/State=\S*DRAIN/);
    expect(await slurm.cli('scontrol', ['show', 'node', node])).toContain('Reason=e2e: fan failure');
    await expect(
      panel.getByTestId('node-row').filter({ hasText: node }).getByTestId('node-scheduler-state'),
    ).toContainText('DRAIN', { timeout: 20_000 });
  });
