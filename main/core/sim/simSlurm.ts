import type { SimSite } from './fleetLayout';
import type { SimSlurmJob, SimSlurmNodeView, SimSlurmRefusal, SimSlurmView } from './simSlurmOverlay';

/**
 * slurmrestd v0.0.38 answers for a simulated site, built from the layout and its Slurm overlay:
 * the same field names, value shapes and order as real slurmrestd 22.05.8
 * (test/fixtures/slurm-22.05/), so the console reads the simulator through its one Slurm adapter.
 * Pure: the caller settles the overlay at a second and hands the view in.
 */
export const SIM_SLURM_META = {
  plugin: { type: 'openapi/v0.0.38', name: 'Slurm OpenAPI v0.0.38' },
  Slurm: { version: { major: 22, micro: 8, minor: 5 }, release: '22.05.8' },
};

/** A node of the simulator as an HGX host: 2 × 56 cores, 2 TiB, 8 GPUs. */
const CPUS = 112;
const CPUS_PER_GPU = 14;
const REAL_MEMORY_MB = 2_000_000;
const BOOT_AGO_S = 86_400 * 9;

/** [0,1,2,5,7] → "0-2,5,7", as Slurm prints device index lists. */
export function indexRanges(indices: readonly number[]): string {
  const sorted = [...indices].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function gresUsed(type: string, indices: readonly number[]): string {
  return `gpu:${type}:${indices.length}(IDX:${indices.length ? indexRanges(indices) : 'N/A'})`;
}

function nodeState(v: SimSlurmNodeView): string {
  if (v.usedIndices.length === 0) return 'idle';
  return v.usedIndices.length >= v.node.gpus.length ? 'allocated' : 'mixed';
}

export function simNodeJson(v: SimSlurmNodeView, tSec: number): Record<string, unknown> {
  const used = v.usedIndices.length;
  const allocCpus = Math.min(CPUS, used * CPUS_PER_GPU);
  return {
    architecture: 'x86_64',
    burstbuffer_network_address: '',
    boards: 1,
    boot_time: tSec - BOOT_AGO_S,
    comment: '',
    cores: CPUS / 2,
    cpu_binding: 0,
    cpu_load: allocCpus * 100,
    extra: '',
    free_memory: REAL_MEMORY_MB - used * 100_000,
    cpus: CPUS,
    last_busy: tSec,
    features: v.node.model.key.toLowerCase(),
    active_features: v.node.model.key.toLowerCase(),
    gres: `gpu:${v.gpuType}:${v.node.gpus.length}`,
    gres_drained: 'N/A',
    gres_used: gresUsed(v.gpuType, v.usedIndices),
    mcs_label: '',
    name: v.node.hostname,
    next_state_after_reboot: 'invalid',
    // Like the real recipe's NodeAddr=127.0.0.1: every simulated node is served on loopback.
    address: '127.0.0.1',
    hostname: v.node.hostname,
    state: nodeState(v),
    state_flags: v.drain ? ['DRAIN'] : [],
    next_state_after_reboot_flags: [],
    operating_system: 'Linux 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1',
    owner: null,
    partitions: ['gpu'],
    port: 6818,
    real_memory: REAL_MEMORY_MB,
    reason: v.drain?.reason ?? '',
    reason_changed_at: v.drain?.atS ?? 0,
    reason_set_by_user: v.drain?.by ?? null,
    slurmd_start_time: tSec - BOOT_AGO_S,
    sockets: 2,
    threads: 1,
    temporary_disk: 0,
    weight: 1,
    tres: `cpu=${CPUS},mem=${Math.round(REAL_MEMORY_MB / 1024)}G,billing=${CPUS},gres/gpu=${v.node.gpus.length}`,
    slurmd_version: '22.05.8',
    alloc_memory: 0,
    alloc_cpus: allocCpus,
    idle_cpus: CPUS - allocCpus,
    tres_used: used ? `cpu=${allocCpus}` : null,
    tres_weighted: allocCpus,
  };
}

export function simJobJson(site: SimSite, j: SimSlurmJob): Record<string, unknown> {
  const running = j.state === 'RUNNING';
  const ran = j.node !== null;
  const cpus = Math.max(1, j.gpus * CPUS_PER_GPU);
  // The request as submitted: typed only when the job asked for a type.
  const gres = j.askedType ? `gpu:${j.askedType}:${j.gpus}` : `gpu:${j.gpus}`;
  const job: Record<string, unknown> = {
    account: j.account,
    accrue_time: j.eligibleS,
    admin_comment: '',
    array_job_id: 0,
    array_task_id: null,
    array_max_tasks: 0,
    array_task_string: '',
    association_id: 0,
    batch_features: '',
    batch_flag: true,
    batch_host: ran ? j.node : '',
    flags: running ? ['JOB_CPUS_SET', 'JOB_WAS_RUNNING'] : [],
    burst_buffer: '',
    burst_buffer_state: '',
    cluster: site.id,
    cluster_features: '',
    command: '',
    comment: j.comment,
    container: '',
    contiguous: false,
    core_spec: null,
    thread_spec: null,
    cores_per_socket: null,
    billable_tres: cpus,
    cpus_per_task: null,
    cpu_frequency_minimum: null,
    cpu_frequency_maximum: null,
    cpu_frequency_governor: null,
    cpus_per_tres: '',
    deadline: 0,
    delay_boot: 0,
    dependency: '',
    derived_exit_code: 0,
    eligible_time: j.eligibleS,
    end_time: j.endS ?? 0,
    excluded_nodes: '',
    exit_code: j.state === 'FAILED' ? 1 : j.state === 'CANCELLED' ? 15 : 0,
    features: '',
    federation_origin: '',
    federation_siblings_active: '',
    federation_siblings_viable: '',
    gres_detail: running
      ? [`gpu:${j.gpuType ?? '(null)'}:${j.gpus}(IDX:${indexRanges(j.gpuIndices) || 'N/A'})`]
      : [],
    group_id: 0,
    group_name: j.user,
    job_id: j.id,
    // real 22.05 leaves job_resources out of a job that never ran
    ...(ran
      ? {
          job_resources: {
            nodes: j.node,
            allocated_cores: cpus,
            allocated_hosts: 1,
            allocated_nodes: [
              { sockets: {}, nodename: j.node, cpus_used: 0, memory_used: 0, memory_allocated: 0 },
            ],
          },
        }
      : {}),
    job_state: j.state,
    last_sched_evaluation: j.startS ?? j.submitS,
    licenses: '',
    max_cpus: 0,
    max_nodes: 0,
    mcs_label: '',
    memory_per_tres: '',
    name: j.name,
    nodes: ran ? j.node : '',
    nice: null,
    tasks_per_core: null,
    tasks_per_node: 0,
    tasks_per_socket: null,
    tasks_per_board: 0,
    cpus,
    node_count: 1,
    tasks: 1,
    het_job_id: 0,
    het_job_id_set: '',
    het_job_offset: 0,
    partition: 'gpu',
    prefer: '',
    memory_per_node: null,
    memory_per_cpu: null,
    minimum_cpus_per_node: cpus,
    minimum_tmp_disk_per_node: 0,
    preempt_time: 0,
    pre_sus_time: 0,
    priority: 4294901759,
    profile: null,
    qos: '',
    reboot: false,
    required_nodes: '',
    requeue: true,
    resize_time: 0,
    restart_cnt: j.restarts,
    resv_name: '',
    shared: null,
    show_flags: ['SHOW_ALL', 'SHOW_DETAIL', 'SHOW_LOCAL'],
    sockets_per_board: 0,
    sockets_per_node: null,
    start_time: j.startS ?? 0,
    state_description: '',
    state_reason: j.stateReason,
    standard_error: '',
    standard_input: '',
    standard_output: `/tmp/slurm-%j.out`,
    submit_time: j.submitS,
    suspend_time: 0,
    system_comment: '',
    time_limit: j.timeLimitMin,
    time_minimum: 0,
    threads_per_core: null,
    tres_bind: '',
    tres_freq: '',
    tres_per_job: '',
    tres_per_node: j.gpus > 0 ? `gres:${gres}` : '',
    tres_per_socket: '',
    tres_per_task: '',
    tres_req_str: `cpu=${cpus},node=1,billing=${cpus}`,
    tres_alloc_str: ran ? `cpu=${cpus},node=1,billing=${cpus}` : '',
    user_id: 0,
    user_name: j.user,
    wckey: '',
    current_working_directory: '/tmp',
  };
  return job;
}

export function nodesAnswer(view: SimSlurmView, tSec: number, only?: string) {
  const nodes = view.nodes.filter((v) => only === undefined || v.node.hostname === only);
  return { meta: SIM_SLURM_META, errors: [], nodes: nodes.map((v) => simNodeJson(v, tSec)) };
}

export function jobsAnswer(site: SimSite, jobs: readonly SimSlurmJob[]) {
  return { meta: SIM_SLURM_META, errors: [], jobs: jobs.map((j) => simJobJson(site, j)) };
}

export function pingAnswer(site: SimSite) {
  return {
    meta: SIM_SLURM_META,
    errors: [],
    pings: [{ hostname: `${site.id}-ctl`, ping: 'UP', status: 0, mode: 'primary' }],
  };
}

export function submitAnswer(id: number) {
  return { meta: SIM_SLURM_META, errors: [], job_id: id, step_id: 'BATCH', job_submit_user_msg: '' };
}

/** An answer carrying Slurm's refusal, in the shape real 22.05 gives it (error_number + error). */
export function errorAnswer(
  r: SimSlurmRefusal,
  description: string,
  source: string,
  extra: Record<string, unknown> = {},
) {
  return {
    meta: SIM_SLURM_META,
    errors: [{ description, error_number: r.errno, error: r.error, source }],
    ...extra,
  };
}

/**
 * 22.05's answer to a rejected token: HTTP 500 and an "Unspecified error" of number -1, in the form
 * each endpoint gives it (test/fixtures/slurm-22.05/v0.0.38-*bad-token-response.json).
 */
export function badTokenAnswer(endpoint: 'nodes' | 'jobs' | 'ping' | null) {
  if (endpoint === 'jobs')
    return {
      meta: SIM_SLURM_META,
      errors: [
        {
          description: 'Failed while looking for jobs',
          error_number: -1,
          error: 'Unspecified error',
          source: 'slurm_load_jobs',
        },
      ],
      jobs: [],
    };
  if (endpoint === 'ping')
    return {
      meta: SIM_SLURM_META,
      errors: [
        {
          description: 'slurmctld config is unable to load',
          error_number: -1,
          error: 'Unspecified error',
          source: 'slurm_load_ctl_conf',
        },
      ],
    };
  return {
    meta: SIM_SLURM_META,
    errors: [{ error: 'Unspecified error', errno: -1 }],
    ...(endpoint === 'nodes' ? { nodes: [] } : {}),
  };
}
