import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimSite } from './fleetLayout';
import type { SimFleet } from './simFleet';

/**
 * POST /sim/control on a simulated site's listener: inject faults by hand, for demos and for tests
 * that watch the console react (issue 4's alerts, issue 11's fault matrix). Loopback only, like the
 * whole simulator. Body: {"fault": "down"|"garbage"|"hang"|"none"} and/or
 * {"xid": {"hostname": "...", "gpu": 0-15, "code": 0-255}} (code 0 clears it).
 */
const ControlSchema = z
  .object({
    fault: z.enum(['none', 'down', 'garbage', 'hang']).optional(),
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
    const { fault, xid } = parsed.data;
    if (xid) {
      const node = site.nodes.find((n) => n.hostname === xid.hostname);
      if (!node) return reply(404, { error: `no node "${xid.hostname}" at ${site.id}` });
      if (xid.gpu >= node.gpus.length)
        return reply(400, { error: `${xid.hostname} has ${node.gpus.length} GPUs` });
      fleet.injectXid(xid.hostname, xid.gpu, xid.code);
    }
    if (fault) fleet.setFault(site.id, fault);
    reply(200, { ok: true, site: site.id, fault: fleet.fault(site.id) });
  });
}
