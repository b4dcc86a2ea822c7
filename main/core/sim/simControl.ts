import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimSite } from './fleetLayout';
import type { SimFleet } from './simFleet';
import { simSlurmOverlay } from './simSlurmOverlay';

/**
 * POST /sim/control on a simulated site's listener: inject faults by hand, for demos and for tests
 * that watch the console react (issue 4's alerts, issue 11's fault matrix). Loopback only, like the
 * whole simulator. Body: {"fault": "down"|"garbage"|"hang"|"none"} and/or
 * {"xid": {"hostname": "...", "gpu": 0-15, "code": 0-255}} (code 0 clears it), {"run": {"name", "account",
 * "comment", "gpus", "minutes"}} to start a workload on the site's Slurm, {"cancelWorkload": "<id>"}.
 */
const ControlSchema = z
  .object({
    fault: z.enum(['none', 'down', 'garbage', 'hang']).optional(),
    /** Starts a workload on this site's simulated Slurm (a job with account and comment, as a user submits it). */
    run: z
      .object({
        name: z.string().min(1).max(128),
        account: z.string().min(1).max(128),
        comment: z.string().max(512).default(''),
        gpus: z.number().int().min(1).max(8).default(1),
        minutes: z.number().int().min(1).max(10_080).default(600),
      })
      .strict()
      .optional(),
    /** Cancels this site's jobs whose comment carries `workload=<id>`. */
    cancelWorkload: z.string().min(1).max(256).optional(),
    xid: z
      .object({
        hostname: z.string().min(1).max(253),
        gpu: z.number().int().min(0).max(15),
        code: z.number().int().min(0).max(255),
      })
      .strict()
      .optional(),
  })
  .strict();

export function simControl(fleet: SimFleet, site: SimSite, req: IncomingMessage, res: ServerResponse): void {
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body) + '\n');
  };
  if (req.method !== 'POST') return reply(405, { error: 'POST a JSON body' });
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > 4096) req.destroy();
  });
  req.on('end', () => {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return reply(400, { error: 'the body is not JSON' });
    }
    const parsed = ControlSchema.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      return reply(400, { error: `${i.path.join('.') || 'body'}: ${i.message}` });
    }
    const { fault, xid, run, cancelWorkload } = parsed.data;
    const overlay = simSlurmOverlay(fleet, site.id);
    const tSec = Math.floor(fleet.now() / 1000);
    let job: number | null = null;
    if (run && overlay) {
      const r = overlay.submit(
        {
          name: run.name,
          script: '#!/bin/sh\nsleep infinity\n',
          user: 'sim',
          account: run.account,
          comment: run.comment,
          gpus: run.gpus,
          gpuType: null,
          timeLimitMin: run.minutes,
        },
        tSec,
      );
      if ('error' in r) return reply(409, { error: r.error });
      job = r.id;
      overlay.settle(tSec); // placed now, as a free node takes it at once
    }
    if (cancelWorkload && overlay)
      for (const j of overlay.settle(tSec).jobs)
        if (j.comment.split(/[\s,;]+/).includes(`workload=${cancelWorkload}`)) overlay.cancel(j.id, tSec);
    if (xid) {
      const node = site.nodes.find((n) => n.hostname === xid.hostname);
      if (!node) return reply(404, { error: `no node "${xid.hostname}" at ${site.id}` });
      if (xid.gpu >= node.gpus.length)
        return reply(400, { error: `${xid.hostname} has ${node.gpus.length} GPUs` });
      fleet.injectXid(xid.hostname, xid.gpu, xid.code);
    }
    if (fault) fleet.setFault(site.id, fault);
    reply(200, { ok: true, site: site.id, fault: fleet.fault(site.id), job });
  });
}
