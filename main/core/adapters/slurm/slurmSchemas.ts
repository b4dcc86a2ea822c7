import { z } from 'zod';

/**
 * slurmrestd v0.0.38 answers (Slurm 22.05), as zod schemas. Tolerant on purpose: unknown fields pass
 * through, and every field we do not strictly need may be missing or null, because the same
 * plugin's output drifts between 22.05 point releases. Checked against the real answers in
 * test/fixtures/slurm-22.05/.
 */

/** One entry of `errors[]`. The number arrives as error_number, errno (auth rejections) or error_code (parser). */
export const SlurmErrorEntrySchema = z
  .object({
    error: z.string().nullish(),
    error_number: z.number().nullish(),
    errno: z.number().nullish(),
    error_code: z.number().nullish(),
    description: z.string().nullish(),
    source: z.string().nullish(),
  })
  .passthrough();
export type SlurmErrorEntry = z.infer<typeof SlurmErrorEntrySchema>;

export const SlurmMetaSchema = z
  .object({
    plugin: z.object({ type: z.string().nullish(), name: z.string().nullish() }).passthrough().nullish(),
    Slurm: z
      .object({
        version: z
          .object({ major: z.number(), minor: z.number(), micro: z.number() })
          .passthrough()
          .nullish(),
        release: z.string().nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

/** What every answer carries; used to read the errors of an answer whose body is otherwise unknown. */
export const SlurmEnvelopeSchema = z
  .object({
    meta: SlurmMetaSchema.nullish(),
    errors: z.array(SlurmErrorEntrySchema).nullish(),
  })
  .passthrough();

const str = z.string().nullish();
const num = z.number().nullish();

export const SlurmNodeRawSchema = z
  .object({
    name: z.string().min(1),
    state: z.string(),
    state_flags: z.array(z.string()).nullish(),
    reason: str,
    reason_set_by_user: str,
    reason_changed_at: num,
    gres: str,
    gres_used: str,
    partitions: z.array(z.string()).nullish(),
    cpus: num,
    alloc_cpus: num,
    address: str,
    hostname: str,
  })
  .passthrough();
export type SlurmNodeRaw = z.infer<typeof SlurmNodeRawSchema>;

export const SlurmJobRawSchema = z
  .object({
    job_id: z.number().int(),
    name: str,
    job_state: z.string(),
    state_reason: str,
    nodes: str,
    node_count: num,
    gres_detail: z.array(z.string()).nullish(),
    tres_per_node: str,
    tres_per_job: str,
    account: str,
    comment: str,
    user_name: str,
    partition: str,
    submit_time: num,
    start_time: num,
    end_time: num,
    restart_cnt: num,
    batch_host: str,
    current_working_directory: str,
    standard_output: str,
    /** Minutes; what a move resubmits with. */
    time_limit: num,
  })
  .passthrough();
export type SlurmJobRaw = z.infer<typeof SlurmJobRawSchema>;

export const SlurmPingRawSchema = z
  .object({ hostname: z.string(), ping: z.string(), status: num, mode: str })
  .passthrough();

export const NodesAnswerSchema = SlurmEnvelopeSchema.extend({ nodes: z.array(SlurmNodeRawSchema) });
export const JobsAnswerSchema = SlurmEnvelopeSchema.extend({ jobs: z.array(SlurmJobRawSchema) });
export const PingAnswerSchema = SlurmEnvelopeSchema.extend({ pings: z.array(SlurmPingRawSchema) });
export const SubmitAnswerSchema = SlurmEnvelopeSchema.extend({
  job_id: z.number().int(),
  step_id: str,
  job_submit_user_msg: str,
});
