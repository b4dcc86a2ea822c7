import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobSubmissionSchema, SlurmClient, submitBody } from './slurmClient';

const DIR = join(__dirname, '../../../../test/fixtures/slurm-22.05');
const fixture = (f: string) => readFileSync(join(DIR, f), 'utf8');

/** A stand-in slurmrestd that records each request and answers from the real fixtures. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('SlurmClient on the wire', () => {
  const seen: Seen[] = [];
  let server: Server;
  let client: SlurmClient;
  const answers: Record<string, [number, string]> = {
    'GET /slurm/v0.0.38/nodes': [200, fixture('v0.0.38-nodes.json')],
    'GET /slurm/v0.0.38/jobs': [200, fixture('v0.0.38-jobs.json')],
    'GET /slurm/v0.0.38/job/1': [200, fixture('v0.0.38-job-by-id.json')],
    'POST /slurm/v0.0.38/job/submit': [200, fixture('v0.0.38-job-submit-response.json')],
    'POST /slurm/v0.0.38/job/1': [200, fixture('v0.0.38-job-update-begin-now-response.json')],
    'DELETE /slurm/v0.0.38/job/1': [200, fixture('v0.0.38-job-cancel-response.json')],
    'GET /slurm/v0.0.38/ping': [200, '{"not": "slurm"}'],
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const [status, text] = answers[`${req.method} ${req.url}`] ?? [404, 'nope'];
        res.writeHead(status, { 'content-type': 'application/json' }).end(text);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    client = new SlurmClient(`http://127.0.0.1:${port}/`, {
      user: 'ops',
      token: 'tok.en.x',
      timeoutMs: 2000,
      maxBytes: 1e6,
    });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends both JWT headers on every request, reads and writes', async () => {
    expect((await client.nodes()).ok).toBe(true);
    expect((await client.jobs()).ok).toBe(true);
    expect(await client.job(1)).toMatchObject({ ok: true, value: { id: 1, nodes: ['gpu1'] } });
    expect(await client.startNow(1)).toEqual({ ok: true, value: undefined });
    expect(await client.cancel(1)).toEqual({ ok: true, value: undefined });
    for (const s of seen) {
      expect(s.headers['x-slurm-user-name']).toBe('ops');
      expect(s.headers['x-slurm-user-token']).toBe('tok.en.x');
    }
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /slurm/v0.0.38/nodes',
      'GET /slurm/v0.0.38/jobs',
      'GET /slurm/v0.0.38/job/1',
      'POST /slurm/v0.0.38/job/1',
      'DELETE /slurm/v0.0.38/job/1',
    ]);
    expect(JSON.parse(seen[3]!.body)).toEqual({ begin_time: 'now' });
    expect(seen[3]!.headers['content-type']).toBe('application/json');
  });

  it('submits the v0.0.38 body: gres, environment, cwd; refuses a script without #! unsent', async () => {
    seen.length = 0;
    expect(
      await client.submit({ name: 'train', script: '#!/bin/bash\nsleep 1\n', gpus: 2, gpuType: 'h200' }),
    ).toEqual({
      ok: true,
      value: { jobId: 1 },
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      script: '#!/bin/bash\nsleep 1\n',
      job: {
        name: 'train',
        current_working_directory: '/tmp',
        environment: { PATH: '/usr/bin:/bin', LANG: 'C' },
        requeue: true,
        gres: 'gpu:h200:2',
      },
    });
    expect(await client.submit({ name: 'x', script: 'sleep 1' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await client.cancel(-1)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(seen).toHaveLength(1);
  });

  it('reads an answer of the wrong shape as bad-response, naming the call', async () => {
    expect(await client.ping()).toMatchObject({
      ok: false,
      error: {
        kind: 'bad-response',
        message: expect.stringMatching(/^pinging slurmctld at http.*not a slurmrestd v0\.0\.38 answer/),
      },
    });
  });

  it('builds the body for an untyped GPU request and for none', () => {
    const s = (x: object) => JobSubmissionSchema.parse({ name: 'n', script: '#!/bin/sh\n', ...x });
    expect(submitBody(s({ gpus: 4 })).job).toMatchObject({ gres: 'gpu:4' });
    expect(submitBody(s({})).job).not.toHaveProperty('gres');
    expect(submitBody(s({ gpus: 1, timeLimitMin: 30, account: 'a', comment: '' })).job).toMatchObject({
      time_limit: 30,
      account: 'a',
      comment: '',
    });
  });
});
