import { z } from 'zod';
import { describeZodError } from '../../../../shared/wire';
import type { HttpGetOptions } from '../../sites/httpGet';
import { httpRequest, type HttpMethod } from '../../sites/httpRequest';
import { slurmFail, slurmFailureOf, slurmOk, type SlurmResult } from './slurmErrors';
import { toSlurmJob, toSlurmNode, type SlurmJob, type SlurmNode } from './slurmModel';
import { JobsAnswerSchema, NodesAnswerSchema, PingAnswerSchema, SubmitAnswerSchema } from './slurmSchemas';

/**
 * A client for slurmrestd's v0.0.38 API (Slurm 22.05; https://slurm.schedmd.com/rest_api.html) with
 * JWT auth: every request names the user and carries the token (X-SLURM-USER-NAME and
 * X-SLURM-USER-TOKEN; slurmrestd wants both). Reads nodes and jobs; submits, cancels and updates jobs.
 * Node drain/resume and job requeue are not in 22.05's REST API (POST node → 405): see scontrol.ts.
 */
export const SLURM_API = 'v0.0.38';

export interface SlurmClientOptions extends Pick<HttpGetOptions, 'timeoutMs' | 'maxBytes' | 'ca'> {
  user: string;
  token: string;
}

export interface SlurmPing {
  hostname: string;
  /** UP or DOWN, as slurmctld's ping answered. */
  ping: string;
  mode: string | null;
  /** "22.05.8", from the answer's meta. */
  release: string | null;
}

/** What the console asks Slurm to run. Validated before anything is sent. */
export const JobSubmissionSchema = z
  .object({
    name: z.string().min(1).max(200),
    script: z
      .string()
      .max(1_000_000)
      // slurmrestd accepts a script without "#!" and the job then fails on the node: refuse it here.
      .refine((s) => s.startsWith('#!'), 'the script must start with "#!" (e.g. #!/bin/bash)'),
    gpus: z.number().int().min(0).max(1024).optional(),
    gpuType: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/)
      .optional(),
    partition: z.string().min(1).max(200).optional(),
    account: z.string().min(1).max(200).optional(),
    comment: z.string().max(1000).optional(),
    /** Where the job runs and writes its output, on the nodes. */
    cwd: z.string().startsWith('/').default('/tmp'),
    stdout: z.string().startsWith('/').optional(),
    /** slurmrestd 22.05 refuses a submission without one ("environment must be set"). */
    environment: z.record(z.string(), z.string()).default({ PATH: '/usr/bin:/bin', LANG: 'C' }),
    timeLimitMin: z.number().int().positive().optional(),
    cpusPerTask: z.number().int().positive().optional(),
    requeue: z.boolean().default(true),
    /**
     * Queued but not to start before a year from now. A move submits deferred, cancels the
     * source, then lets it start (begin_time now): never two copies running. (Submitting with
     * hold=true works too, but 22.05's slurmrestd then answers with error 2042 for a job it queued.)
     */
    deferred: z.boolean().optional(),
  })
  .strict();
export type JobSubmission = z.input<typeof JobSubmissionSchema>;

/** The v0.0.38 submit body for a validated submission (pure; the GPU request goes in `gres`). */
export function submitBody(s: z.output<typeof JobSubmissionSchema>): Record<string, unknown> {
  const job: Record<string, unknown> = {
    name: s.name,
    current_working_directory: s.cwd,
    environment: s.environment,
    requeue: s.requeue,
  };
  // v0.0.38 has no tres_per_node key ("Unknown key"); gres "gpu:2" / "gpu:h200:2" lands there.
  if (s.gpus !== undefined && s.gpus > 0)
    job.gres = s.gpuType ? `gpu:${s.gpuType}:${s.gpus}` : `gpu:${s.gpus}`;
  if (s.partition) job.partition = s.partition;
  if (s.account) job.account = s.account;
  if (s.comment !== undefined) job.comment = s.comment;
  if (s.stdout) job.standard_output = s.stdout;
  if (s.timeLimitMin) job.time_limit = s.timeLimitMin;
  if (s.cpusPerTask) job.cpus_per_task = s.cpusPerTask;
  // 22.05's slurmrestd parses begin_time as Slurm's time words (an epoch number is refused).
  if (s.deferred) job.begin_time = 'now+365days';
  return { script: s.script, job };
}

const validJobId = (id: number) => Number.isSafeInteger(id) && id > 0;

export class SlurmClient {
  constructor(
    readonly baseUrl: string,
    private readonly opts: SlurmClientOptions,
  ) {}

  async ping(): Promise<SlurmResult<SlurmPing[]>> {
    const r = await this.call('GET', '/ping', 'pinging slurmctld', PingAnswerSchema);
    if (!r.ok) return r;
    const release = r.value.meta?.Slurm?.release ?? null;
    return slurmOk(
      r.value.pings.map((p) => ({ hostname: p.hostname, ping: p.ping, mode: p.mode ?? null, release })),
    );
  }

  async nodes(): Promise<SlurmResult<SlurmNode[]>> {
    const r = await this.call('GET', '/nodes', 'listing nodes', NodesAnswerSchema);
    return r.ok ? slurmOk(r.value.nodes.map(toSlurmNode)) : r;
  }

  async jobs(): Promise<SlurmResult<SlurmJob[]>> {
    const r = await this.call('GET', '/jobs', 'listing jobs', JobsAnswerSchema);
    return r.ok ? slurmOk(r.value.jobs.map(toSlurmJob)) : r;
  }

  async job(id: number): Promise<SlurmResult<SlurmJob>> {
    if (!validJobId(id)) return slurmFail('invalid', `"${id}" is not a Slurm job id`);
    const r = await this.call('GET', `/job/${id}`, `reading job ${id}`, JobsAnswerSchema);
    if (!r.ok) return r;
    const job = r.value.jobs.find((j) => j.job_id === id);
    return job
      ? slurmOk(toSlurmJob(job))
      : slurmFail('rejected', `reading job ${id}: Slurm does not know it`, 2017);
  }

  async submit(submission: JobSubmission): Promise<SlurmResult<{ jobId: number }>> {
    const parsed = JobSubmissionSchema.safeParse(submission);
    if (!parsed.success) return slurmFail('invalid', `job not submitted: ${describeZodError(parsed.error)}`);
    const r = await this.call(
      'POST',
      '/job/submit',
      `submitting job "${parsed.data.name}"`,
      SubmitAnswerSchema,
      submitBody(parsed.data),
    );
    return r.ok ? slurmOk({ jobId: r.value.job_id }) : r;
  }

  async cancel(id: number): Promise<SlurmResult<void>> {
    if (!validJobId(id)) return slurmFail('invalid', `"${id}" is not a Slurm job id`);
    const r = await this.call('DELETE', `/job/${id}`, `cancelling job ${id}`, null);
    return r.ok ? slurmOk(undefined) : r;
  }

  /** Job update (v0.0.38 job_properties), e.g. {comment}, {begin_time: 'now'}. */
  async updateJob(id: number, props: Record<string, unknown>): Promise<SlurmResult<void>> {
    if (!validJobId(id)) return slurmFail('invalid', `"${id}" is not a Slurm job id`);
    const r = await this.call('POST', `/job/${id}`, `updating job ${id}`, null, props);
    return r.ok ? slurmOk(undefined) : r;
  }

  /**
   * Lets a pending job start at once. 22.05 holds a requeued job until cred_expire+1 s (121 s by
   * default) by setting its begin time; resetting that to now is what skips the wait.
   */
  startNow(id: number): Promise<SlurmResult<void>> {
    return this.updateJob(id, { begin_time: 'now' });
  }

  private async call<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    what: string,
    schema: S | null,
    body?: unknown,
  ): Promise<SlurmResult<z.infer<S>>> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/slurm/${SLURM_API}${path}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'X-SLURM-USER-NAME': this.opts.user,
      'X-SLURM-USER-TOKEN': this.opts.token,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await httpRequest(method, url, {
      timeoutMs: this.opts.timeoutMs,
      maxBytes: this.opts.maxBytes,
      ca: this.opts.ca,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const at = `${what} at ${this.baseUrl}`;
    const failure = slurmFailureOf(res, at, this.opts.user);
    if (failure) return { ok: false, error: failure };
    // slurmFailureOf returns a failure for every outcome but a clean 2xx; this narrows the type.
    if (res.kind !== 'ok') return slurmFail('unreachable', `${at}: ${res.kind}`);
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      return slurmFail('bad-response', `${at}: the answer is not JSON — is this slurmrestd?`);
    }
    if (!schema) return slurmOk(json as z.infer<S>);
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      return slurmFail(
        'bad-response',
        `${at}: not a slurmrestd ${SLURM_API} answer (${describeZodError(parsed.error)})`,
      );
    return slurmOk(parsed.data);
  }
}
