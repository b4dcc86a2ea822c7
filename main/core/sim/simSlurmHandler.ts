import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { gpuTypesOf, parseGres, sumGpus } from '../adapters/slurm/gres';
import { verifySlurmJwt } from '../adapters/slurm/slurmJwt';
import type { SimSite } from './fleetLayout';
import type { SimFleet } from './simFleet';
import {
  badTokenAnswer,
  errorAnswer,
  jobsAnswer,
  nodesAnswer,
  pingAnswer,
  SIM_SLURM_META,
  submitAnswer,
} from './simSlurm';
import { SIM_SLURM_USER, simSlurmOverlay } from './simSlurmOverlay';

/**
 * A slurmrestd v0.0.38 subset on a simulated site's listener: ping, nodes, node, jobs, job, job
 * submit, job update, job cancel — with the headers, status codes and error bodies real 22.05.8
 * answers with (test/fixtures/slurm-22.05/), including its HTTP 500 for a bad token.
 */
const NOT_DEFINED = 'Requested REST method is not defined at URL. Please view /openapi/v3 for API reference.';
const NOT_FOUND = 'Unable find requested URL. Please view /openapi/v3 for API reference.'; // sic, 22.05.8
const MAX_BODY = 1024 * 1024;

// v0.0.38's job_properties (openapi/v3 of 22.05.8): any other key is refused as real slurmrestd
// does ("Unknown key"), so an adapter bug shows up against the simulator too.
const JOB_KEYS = new Set(
  (
    'account account_gather_frequency argv array batch_features begin_time burst_buffer cluster_constraint ' +
    'comment constraints container core_specification cores_per_socket cpu_binding cpu_binding_hint ' +
    'cpu_frequency cpus_per_gpu cpus_per_task current_working_directory deadline delay_boot dependency ' +
    'distribution environment exclusive get_user_environment gres gres_flags gpu_binding gpu_frequency gpus ' +
    'gpus_per_node gpus_per_socket gpus_per_task hold kill_on_invalid_dependency licenses mail_type mail_user ' +
    'mcs_label memory_binding memory_per_cpu memory_per_gpu memory_per_node minimum_cpus_per_node ' +
    'minimum_nodes name nice no_kill nodes open_mode oversubscribe partition prefer priority qos requeue ' +
    'reservation signal sockets_per_node spread_job standard_error standard_input standard_output tasks ' +
    'tasks_per_core tasks_per_node tasks_per_socket thread_specification threads_per_core time_limit ' +
    'time_minimum wait_all_nodes wckey'
  ).split(' '),
);

const SubmitSchema = z.object({
  script: z.string(),
  job: z
    .object({
      name: z.string().optional(),
      environment: z.record(z.string(), z.string()).optional(),
      gres: z.string().optional(),
      account: z.string().optional(),
      comment: z.string().optional(),
      time_limit: z.number().int().positive().optional(),
      // Slurm's time words; this subset knows "now" and "now+<n>days" (an epoch number is refused).
      begin_time: z
        .string()
        .regex(/^now(\+\d+days)?$/)
        .optional(),
    })
    .passthrough(),
});
const UpdateSchema = z
  .object({ begin_time: z.union([z.literal('now'), z.number()]).optional(), comment: z.string().optional() })
  .passthrough();

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await readBody(req);
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function simSlurmHandler(fleet: SimFleet, site: SimSite) {
  const overlay = () => simSlurmOverlay(fleet, site.id)!;
  const nowS = () => Math.floor(fleet.now() / 1000);

  /** `garbage`: the site's fault mode that answers 200 with junk, for health tests. */
  return async (req: IncomingMessage, res: ServerResponse, garbage = false): Promise<void> => {
    if (garbage) return sendText(res, 200, '<html>502 Bad Gateway</html>\n{"oops": tru');
    const path = (req.url ?? '').split('?')[0]!;
    const m = /^\/slurm\/v0\.0\.38\/(.+)$/.exec(path);
    if (!m) return sendText(res, 404, NOT_FOUND);
    const route = m[1]!;
    const list = /^nodes?\b/.test(route)
      ? 'nodes'
      : /^jobs?\b/.test(route)
        ? 'jobs'
        : route === 'ping'
          ? 'ping'
          : null;

    // Auth as slurmrestd's rest_auth/jwt + slurmctld do it: a missing header is slurmrestd's 401;
    // then slurmctld checks the token's signature, expiry and user (a token for the SlurmUser, root,
    // may act as anyone), and a rejection comes back as HTTP 500.
    const user = req.headers['x-slurm-user-name'];
    const token = req.headers['x-slurm-user-token'];
    if (typeof user !== 'string' || typeof token !== 'string')
      return sendText(res, 401, 'Authentication failure');
    const o = overlay();
    const check = verifySlurmJwt(o.jwtKey, token, user, fleet.now());
    const rootToken = verifySlurmJwt(o.jwtKey, token, SIM_SLURM_USER, fleet.now());
    if (!check.ok && !rootToken.ok) return send(res, 500, badTokenAnswer(list));

    const t = nowS();
    const method = req.method ?? 'GET';
    const jobRoute = /^job\/(\d+)$/.exec(route);
    const nodeRoute = /^node\/([^/]+)$/.exec(route);

    if (method === 'GET' && route === 'ping') return send(res, 200, pingAnswer(site));
    if (method === 'GET' && route === 'nodes') return send(res, 200, nodesAnswer(o.settle(t), t));
    if (method === 'GET' && nodeRoute) {
      const name = decodeURIComponent(nodeRoute[1]!);
      if (!o.node(name))
        return send(res, 500, {
          meta: SIM_SLURM_META,
          errors: [{ error: 'Invalid node name specified', errno: 2018 }],
          nodes: [],
        });
      return send(res, 200, nodesAnswer(o.settle(t), t, name));
    }
    if (nodeRoute) return sendText(res, 405, NOT_DEFINED); // 22.05 cannot update nodes over REST
    if (method === 'GET' && route === 'jobs') return send(res, 200, jobsAnswer(site, o.settle(t).jobs));
    if (method === 'GET' && jobRoute) {
      const id = Number(jobRoute[1]);
      const job = o.settle(t).jobs.find((j) => j.id === id);
      if (!job)
        return send(
          res,
          500,
          errorAnswer(
            { errno: 2017, error: 'Invalid job id specified' },
            `Unable to find JobId=${id}`,
            'slurm_load_job',
            { jobs: [] },
          ),
        );
      return send(res, 200, jobsAnswer(site, [job]));
    }
    if (method === 'DELETE' && jobRoute) {
      const id = Number(jobRoute[1]);
      const refused = o.cancel(id, t);
      if (refused)
        return send(
          res,
          500,
          errorAnswer(
            refused,
            `unable to kill JobId=${id} with signal 9: ${refused.error}`,
            'slurm_kill_job',
          ),
        );
      return send(res, 200, { meta: SIM_SLURM_META, errors: [] });
    }
    if (method === 'POST' && route === 'job/submit') {
      const body = await readJson(req);
      if (!body.ok) return sendText(res, 400, 'Unable to parse query.');
      const parsed = SubmitSchema.safeParse(body.value);
      if (!parsed.success)
        return send(res, 400, {
          meta: SIM_SLURM_META,
          errors: [{ error_code: 9001, error: 'Failure during parsing' }],
        });
      const job = parsed.data.job;
      const unknown = Object.keys(job).find((k) => !JOB_KEYS.has(k));
      if (unknown)
        return send(res, 400, {
          meta: SIM_SLURM_META,
          errors: [
            { description: `Unknown key "${unknown}"`, source: 'hsearch_r' },
            { error_code: 9001, error: 'Failure during parsing' },
          ],
        });
      if (!job.environment)
        return send(res, 400, {
          meta: SIM_SLURM_META,
          errors: [
            { error: 'environment must be set', error_code: 2127 },
            { error_code: 9001, error: 'Failure during parsing' },
          ],
        });
      const gres = parseGres(job.gres);
      if (!gres.ok)
        return send(
          res,
          500,
          errorAnswer(
            { errno: 2072, error: 'Invalid generic resource (gres) specification' },
            gres.message,
            '_submit_job',
          ),
        );
      const types = gpuTypesOf(gres.value);
      const r = o.submit(
        {
          name: job.name ?? 'sbatch',
          script: parsed.data.script,
          user,
          account: job.account ?? '',
          comment: job.comment ?? '',
          gpus: sumGpus(gres.value),
          gpuType: types.length === 1 ? types[0]! : null,
          timeLimitMin: job.time_limit ?? null,
          deferS: Number(/\+(\d+)days/.exec(job.begin_time ?? '')?.[1] ?? 0) * 86_400,
        },
        t,
      );
      if ('errno' in r) return send(res, 500, errorAnswer(r, 'Batch job submission failed', '_submit_job'));
      return send(res, 200, submitAnswer(r.id));
    }
    if (method === 'POST' && jobRoute) {
      const id = Number(jobRoute[1]);
      const body = await readJson(req);
      if (!body.ok) return sendText(res, 400, 'Unable to parse query.');
      const parsed = UpdateSchema.safeParse(body.value);
      if (!parsed.success)
        return send(res, 400, {
          meta: SIM_SLURM_META,
          errors: [{ error_code: 9001, error: 'Failure during parsing' }],
        });
      const remote = `[${req.socket.remoteAddress}]:${req.socket.remotePort}`;
      const begin = parsed.data.begin_time;
      const refused =
        begin === 'now' || (typeof begin === 'number' && begin <= t)
          ? o.startNow(id, t)
          : o.settle(t).jobs.some((j) => j.id === id)
            ? null
            : { errno: 2017, error: 'Invalid job id specified' };
      if (refused)
        return send(res, 500, errorAnswer(refused, `job update from ${remote} failed`, '_parse_job_list'));
      return send(res, 200, { meta: SIM_SLURM_META, errors: [] });
    }
    // A path this subset serves, asked with another method: 405 as slurmrestd; anything else 404.
    const served =
      route === 'ping' || route === 'nodes' || route === 'jobs' || jobRoute || route === 'job/submit';
    return sendText(res, served ? 405 : 404, served ? NOT_DEFINED : NOT_FOUND);
  };
}
