import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimFleet } from './simFleet';
import { startSimServers, type RunningSim, type SimScheduler } from './simServer';

/** The simulator's slurmrestd answers errors byte-for-byte in the shapes real 22.05.8 does. */
const DIR = join(__dirname, '../../../test/fixtures/slurm-22.05');
const fixture = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as unknown;
const fixtureText = (f: string) => readFileSync(join(DIR, f), 'utf8');

describe('simulated slurmrestd: statuses and error bodies', () => {
  const fleet = new SimFleet({ seed: 11, sites: 1, nodesPerSite: 2 }, () => Date.UTC(2026, 10, 29, 14));
  let sim: RunningSim;
  let s: SimScheduler;
  const call = async (path: string, init: RequestInit = {}, token?: string) => {
    const r = await fetch(`${s.url}/slurm/v0.0.38${path}`, {
      ...init,
      headers: { 'X-SLURM-USER-NAME': 'root', 'X-SLURM-USER-TOKEN': token ?? s.token },
    });
    const text = await r.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // plain text answer
    }
    return { status: r.status, type: r.headers.get('content-type'), text, json };
  };

  beforeAll(async () => {
    sim = await startSimServers(fleet);
    s = sim.manifest.schedulers[0]!;
  });
  afterAll(async () => sim?.stop());

  it('401 text without the headers, 500 "Unspecified error" with a bad or empty token', async () => {
    const none = await fetch(`${s.url}/slurm/v0.0.38/nodes`);
    expect([none.status, await none.text()]).toEqual([401, 'Authentication failure']);
    for (const token of ['bad', ''])
      expect(await call('/nodes', {}, token)).toMatchObject({
        status: 500,
        json: fixture('v0.0.38-nodes-bad-token-response.json'),
      });
    expect((await call('/ping', {}, 'bad')).json).toEqual(fixture('v0.0.38-ping-bad-token-response.json'));
  });

  it('unknown job: 500 with error 2017, for read and cancel', async () => {
    expect(await call('/job/999999')).toMatchObject({
      status: 500,
      json: fixture('v0.0.38-job-notfound-response.json'),
    });
    expect(await call('/job/999999', { method: 'DELETE' })).toMatchObject({
      status: 500,
      json: fixture('v0.0.38-job-cancel-notfound-response.json'),
    });
  });

  it('no node update over REST (405), unknown URL (404), bad JSON and missing environment (400)', async () => {
    const post = await call(`/node/${fleet.sites[0]!.nodes[0]!.hostname}`, { method: 'POST', body: '{}' });
    expect([post.status, post.text]).toEqual([405, fixtureText('v0.0.38-node-update-NOT-SUPPORTED.txt')]);
    expect((await call('/nope')).status).toBe(404);
    const badJson = await call('/job/submit', { method: 'POST', body: '{"script": ' });
    expect([badJson.status, badJson.text]).toEqual([400, 'Unable to parse query.']);
    const noEnv = await call('/job/submit', {
      method: 'POST',
      body: JSON.stringify({ script: '#!/bin/sh\n', job: { name: 'x' } }),
    });
    expect(noEnv).toMatchObject({
      status: 400,
      json: fixture('v0.0.38-job-submit-no-environment-response.json'),
    });
    const unknownKey = await call('/job/submit', {
      method: 'POST',
      body: JSON.stringify({ script: '#!/bin/sh\n', job: { tres_per_node: 'gres:gpu:2', environment: {} } }),
    });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.text).toContain('Unknown key \\"tres_per_node\\"');
  });

  // seed 11: a site of H200 nodes, as the request asks for gpu:h200:2
  it('takes the real submit request the recipe sent, and answers like the real submit', async () => {
    const r = await call('/job/submit', {
      method: 'POST',
      body: fixtureText('request-v0.0.38-job-submit.json'),
    });
    const real = fixture('v0.0.38-job-submit-response.json') as Record<string, unknown>;
    expect(r.status).toBe(200);
    expect(Object.keys(r.json as object)).toEqual(Object.keys(real));
    expect(r.json).toMatchObject({ errors: [], step_id: 'BATCH', job_id: expect.any(Number) });
  });

  it('a node name it does not know: 500 with error 2018', async () => {
    expect(await call('/node/gpu9')).toMatchObject({
      status: 500,
      json: { errors: [{ error: 'Invalid node name specified', errno: 2018 }], nodes: [] },
    });
  });
});
