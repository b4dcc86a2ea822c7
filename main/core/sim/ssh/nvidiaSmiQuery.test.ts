import { describe, expect, it } from 'vitest';
import { captureSection, fixture, frame, H200_IDLE } from './nvidiaSmiCaptures';
import { runNvidiaSmi } from './nvidiaSmiCommand';
import { QUERY_FIELDS, renderQueryGpu } from './nvidiaSmiQuery';
import type { GpuSnapshot } from './nvidiaSmiText';

/** The real header and row of `--query-gpu=<212 fields> --format=csv`, H200 under load. */
const [realHeader, realRow] = fixture('nvidia-smi-query-gpu-h200-load.csv').trimEnd().split('\n') as [
  string,
  string,
];
const realCells = new Map(
  realHeader
    .split(', ')
    .map((h, i) => [h.replace(/ \[.*\]$/, ''), { header: h, value: realRow.split(', ')[i]! }]),
);

/** The GPU as the CSV capture read it (a second after the load table). */
const H200_CSV: GpuSnapshot = {
  ...H200_IDLE,
  frames: [
    frame({
      tempC: 52,
      memTempC: 40,
      powerW: 627.4,
      fbUsedMiB: 32362,
      fbFreeMiB: 110796,
      utilPct: 100,
      smClockMHz: 1980,
      memClockMHz: 3201,
    }),
  ],
  atMs: Date.UTC(2026, 6, 3, 22, 11, 9, 763),
};

/** Names per entry of the capture's --help-query-gpu: `"clocks.current.sm" or "clocks.sm"`. */
const helpEntries = captureSection('h200', 'capabilities :: help-query-gpu')
  .split('\n')
  .filter((l) => l.startsWith('"'))
  .map((l) => [...l.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));

const csv = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => l.split(', '));
// Same shape: digits (and the masked capture's zeros) compare equal whatever their value.
const shape = (v: string) => v.replace(/[0-9]+/g, '0');

// Values that follow from what the GPU read and its model, so they must be the capture's exactly.
const EXACT = [
  'timestamp',
  'driver_version',
  'count',
  'name',
  'uuid',
  'pci.bus_id',
  'index',
  'persistence_mode',
  'fan.speed',
  'pstate',
  'memory.total',
  'memory.used',
  'memory.free',
  'compute_mode',
  'compute_cap',
  'utilization.gpu',
  'ecc.mode.current',
  'temperature.gpu',
  'temperature.memory',
  'power.draw',
  'power.draw.average',
  'power.limit',
  'enforced.power.limit',
  'power.default_limit',
  'power.min_limit',
  'power.max_limit',
  'clocks.current.graphics',
  'clocks.current.sm',
  'clocks.current.memory',
  'clocks.max.graphics',
  'clocks.max.sm',
  'clocks.max.memory',
  'mig.mode.current',
];

describe('QUERY_FIELDS', () => {
  it('covers the fields the console and its operators ask for', () => {
    const names = new Set(QUERY_FIELDS.flatMap((f) => [f.name, ...f.aliases]));
    for (const n of [
      'index',
      'name',
      'uuid',
      'pci.bus_id',
      'driver_version',
      'temperature.gpu',
      'utilization.gpu',
      'utilization.memory',
      'power.draw',
      'power.limit',
      'memory.total',
      'memory.used',
      'memory.free',
      'clocks.sm',
      'clocks.mem',
      'pstate',
      'fan.speed',
    ])
      expect(names, n).toContain(n);
  });

  it.each(QUERY_FIELDS.map((f) => [f.name, f] as const))(
    '%s is named, aliased and headed as the real nvidia-smi does',
    (name, f) => {
      const entry = helpEntries.find((e) => e[0] === name);
      expect(entry, `--help-query-gpu lists "${name}" first`).toBeDefined();
      for (const a of f.aliases) expect(entry).toContain(a);
      const real = realCells.get(name);
      expect(real, `the H200 CSV has ${name}`).toBeDefined();
      const ours = renderQueryGpu(H200_CSV, name, { header: true, units: true });
      if (!ours.ok) throw new Error(ours.message);
      const [[header], [value]] = csv(ours.text) as [[string], [string]];
      expect(header).toBe(real!.header);
      if (EXACT.includes(name)) expect(value).toBe(real!.value);
      else expect(shape(value)).toBe(shape(real!.value));
    },
  );
});

describe('renderQueryGpu', () => {
  const fields = 'index,name,fan.speed,memory.used,utilization.gpu,temperature.gpu,power.draw,clocks.sm';

  it('prints the canonical name with its unit in the header, whatever alias was asked for', () => {
    const r = renderQueryGpu(H200_CSV, 'gpu_name,gpu_bus_id,clocks.mem,gpu.power.requested_limit', {
      header: true,
      units: true,
    });
    expect(r).toEqual({
      ok: true,
      text:
        'name, pci.bus_id, clocks.current.memory [MHz], power.limit [W]\n' +
        'NVIDIA H200, 00000000:83:00.0, 3201 MHz, 700.00 W\n',
    });
  });

  it('nounits keeps the units in the header, drops them from the values and keeps [N/A]', () => {
    // The form of the real `--format=csv,nounits` output (netdata's Tesla P100 capture, not copied: GPL).
    const r = renderQueryGpu(H200_CSV, fields, { header: true, units: false });
    expect(r).toEqual({
      ok: true,
      text:
        'index, name, fan.speed [%], memory.used [MiB], utilization.gpu [%], temperature.gpu, power.draw [W], clocks.current.sm [MHz]\n' +
        '0, NVIDIA H200, [N/A], 32362, 100, 52, 627.40, 1980\n',
    });
  });

  it('noheader drops the header only', () => {
    expect(renderQueryGpu(H200_CSV, 'index,power.draw', { header: false, units: true })).toEqual({
      ok: true,
      text: '0, 627.40 W\n',
    });
  });

  it('refuses the whole query for one unknown field, with the real message', () => {
    expect(renderQueryGpu(H200_CSV, 'index,cuda_version', { header: true, units: true })).toEqual({
      ok: false,
      message: 'Field "cuda_version" is not a valid field to query.',
    });
  });
});

describe('runNvidiaSmi', () => {
  const cases: [string, string[], { code: number; stdout: string | RegExp }][] = [
    ['a query', ['--query-gpu=index,pstate', '--format=csv,noheader'], { code: 0, stdout: '0, P0\n' }],
    [
      'space-separated options',
      ['--query-gpu', 'index', '--format', 'csv'],
      { code: 0, stdout: 'index\n0\n' },
    ],
    ['-i by index', ['-i', '0', '--query-gpu=index', '--format=csv,noheader'], { code: 0, stdout: '0\n' }],
    [
      'an unknown field',
      ['--query-gpu=bogus', '--format=csv'],
      { code: 2, stdout: 'Field "bogus" is not a valid field to query.\n\n' },
    ],
    [
      'no --format',
      ['--query-gpu=index'],
      { code: 2, stdout: `"--format=" switch is missing. Please run 'nvidia-smi -h' for help.\n\n` },
    ],
    [
      'a format without csv',
      ['--query-gpu=index', '--format=noheader'],
      { code: 2, stdout: "Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.\n\n" },
    ],
    [
      'an unknown option',
      ['-lms100'],
      {
        code: 2,
        stdout: "ERROR: Option -lms100 is not recognized. Please run 'nvidia-smi -h' for help.\n\n",
      },
    ],
    ['a GPU that is not there', ['-i', '9'], { code: 6, stdout: 'No devices were found\n\n' }],
    ['-L', ['-L'], { code: 0, stdout: /^GPU 0: NVIDIA H200 \(UUID: GPU-0{8}-/ }],
    ['--version', ['--version'], { code: 0, stdout: /^NVIDIA-SMI version {2}: 590\.48\.01\n/ }],
    ['the table', [], { code: 0, stdout: /\| NVIDIA-SMI 590\.48\.01 / }],
    ['--help-query-gpu', ['--help-query-gpu'], { code: 0, stdout: /"clocks\.current\.sm" or "clocks\.sm"/ }],
  ];
  it.each(cases)('%s', (_what, args, want) => {
    const r = runNvidiaSmi(args, H200_CSV);
    expect(r.code).toBe(want.code);
    expect(r.stderr).toBe('');
    if (typeof want.stdout === 'string') expect(r.stdout).toBe(want.stdout);
    else expect(r.stdout).toMatch(want.stdout);
  });
});
