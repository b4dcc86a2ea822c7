import { describe, expect, it } from 'vitest';
import { DEMO_FLEET } from '../../createCore';
import { SimFleet } from '../simFleet';
import { captureSection, H100_IDLE, H200_IDLE, H200_LOAD } from './nvidiaSmiCaptures';
import { renderGpuList, renderNvidiaSmiTable, renderSmiVersion, type GpuSnapshot } from './nvidiaSmiText';

/**
 * One small parser, written against the real captures, reads both the captures and our output.
 * Each row is matched by fixed-width slices (from the captures' layout); every slice must hold a
 * right-aligned value (or a left-aligned one where nvidia-smi left-aligns), so a value one column
 * off, a missing unit or a changed heading fails the parse.
 */
interface ParsedGpu {
  index: number;
  name: string;
  persistence: string;
  busId: string;
  dispA: string;
  ecc: string;
  fan: string;
  temp: string;
  perf: string;
  power: string;
  cap: string;
  memUsed: string;
  memTotal: string;
  util: string;
  compute: string;
  mig: string;
}

interface ParsedTable {
  date: string;
  smi: string;
  driver: string;
  cuda: string;
  /** The rule under the version line: `+---+` (580 and later) or `|---+` (before). */
  versionRule: string;
  headings: string[];
  gpus: ParsedGpu[];
  processes: { gpu: number; pid: number; type: string; name: string; mem: string }[];
}

const RIGHT = /^ *\S+$/;
const LEFT = /^\S(.*\S)? *$/;
const EDGE = `+${'-'.repeat(89)}+`;
const RULE = '+-----------------------------------------+------------------------+----------------------+';
const R1 = /^\|(.{4}) {2}(.{30}) (.{3}) \| {3}(.{16}) (.{3}) \|(.{21}) \|$/;
const R2 = /^\| (.{3})(.{6})(.{6})(.{16}) \/ (.{5}) \|(.{11}) \/ (.{9}) \|(.{8})(.{13}) \|$/;
const R3 = new RegExp(`^\\|${' '.repeat(41)}\\|${' '.repeat(24)}\\|(.{21}) \\|$`);
const RP = /^\|(.{5})(.{6})(.{5})(.{16})(.{7}) {3}(.{36})(.{10}) \|$/;

function cells(m: RegExpExecArray | null, what: string, align: RegExp[]): string[] {
  if (!m) throw new Error(`not a ${what} row`);
  return m.slice(1).map((c, i) => {
    if (!align[i]!.test(c)) throw new Error(`${what}: cell ${i} ${JSON.stringify(c)} is misaligned`);
    return c.trim();
  });
}

function expectLike(v: string, re: RegExp, what: string): string {
  if (!re.test(v)) throw new Error(`${what}: ${JSON.stringify(v)} does not look like ${re}`);
  return v;
}

function parseTable(text: string): ParsedTable {
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new Error('no final newline');
  const date = expectLike(lines[0]!, /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} {7}$/, 'date').trim();
  if (lines[1] !== EDGE) throw new Error('top edge');
  const v = /^\| NVIDIA-SMI (.{23})Driver Version: (.{15})CUDA Version: (.{9})\|$/.exec(lines[2]!);
  if (!v) throw new Error('version line');
  const [smi, driver, cuda] = v.slice(1).map((s) => expectLike(s, LEFT, 'version').trim()) as [
    string,
    string,
    string,
  ];
  const versionRule = expectLike(lines[3]!, /^[+|]-{41}\+-{24}\+-{22}[+|]$/, 'version rule');
  const headings = lines.slice(4, 7);
  if (
    lines[7] !== '|=========================================+========================+======================|'
  )
    throw new Error('heading rule');
  const gpus: ParsedGpu[] = [];
  let i = 8;
  while (lines[i] !== '') {
    const [index, name, persistence, busId, dispA, ecc] = cells(R1.exec(lines[i]!), 'GPU row 1', [
      RIGHT,
      LEFT,
      LEFT,
      RIGHT,
      RIGHT,
      RIGHT,
    ]) as [string, string, string, string, string, string];
    const [fan, temp, perf, power, cap, memUsed, memTotal, util, compute] = cells(
      R2.exec(lines[i + 1]!),
      'GPU row 2',
      [RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT],
    ) as [string, string, string, string, string, string, string, string, string];
    const [mig] = cells(R3.exec(lines[i + 2]!), 'GPU row 3', [RIGHT]) as [string];
    if (lines[i + 3] !== RULE) throw new Error('GPU rule');
    gpus.push({
      index: Number(expectLike(index, /^\d+$/, 'index')),
      name,
      persistence: expectLike(persistence, /^(On|Off)$/, 'persistence'),
      busId: expectLike(busId, /^[0-9A-F]{8}:[0-9A-F]{2}:[0-9A-F]{2}\.[0-7]$/, 'bus id'),
      dispA: expectLike(dispA, /^(On|Off)$/, 'Disp.A'),
      ecc: expectLike(ecc, /^(\d+|N\/A|Off)$/, 'ECC'),
      fan: expectLike(fan, /^(N\/A|\d+%)$/, 'fan'),
      temp: expectLike(temp, /^\d+C$/, 'temp'),
      perf: expectLike(perf, /^P\d+$/, 'perf'),
      power: expectLike(power, /^\d+W$/, 'power'),
      cap: expectLike(cap, /^\d+W$/, 'cap'),
      memUsed: expectLike(memUsed, /^\d+MiB$/, 'memory used'),
      memTotal: expectLike(memTotal, /^\d+MiB$/, 'memory total'),
      util: expectLike(util, /^\d+%$/, 'util'),
      compute: expectLike(compute, /^(Default|E\. Process|Prohibited)$/, 'compute mode'),
      mig: expectLike(mig, /^(Disabled|Enabled|N\/A)$/, 'MIG'),
    });
    i += 4;
  }
  const box = lines.slice(i + 1, i + 6);
  expect(box).toEqual([
    EDGE,
    '| Processes:                                                                              |',
    '|  GPU   GI   CI              PID   Type   Process name                        GPU Memory |',
    '|        ID   ID                                                               Usage      |',
    `|${'='.repeat(89)}|`,
  ]);
  const processes: ParsedTable['processes'] = [];
  const rows = lines.slice(i + 6, -1);
  if (lines.at(-1) !== EDGE) throw new Error('bottom edge');
  if (rows.length === 1 && rows[0] === `|  No running processes found${' '.repeat(61)}|`) return finish();
  for (const row of rows) {
    const [gpu, gi, ci, pid, type, name, mem] = cells(RP.exec(row), 'process row', [
      RIGHT,
      RIGHT,
      RIGHT,
      RIGHT,
      RIGHT,
      LEFT,
      RIGHT,
    ]) as [string, string, string, string, string, string, string];
    expectLike(gi + ci, /^N\/AN\/A$/, 'GI/CI');
    processes.push({
      gpu: Number(gpu),
      pid: Number(pid),
      type,
      name,
      mem: expectLike(mem, /^\d+MiB$/, 'mem'),
    });
  }
  return finish();

  function finish(): ParsedTable {
    return { date, smi, driver, cuda, versionRule, headings, gpus, processes };
  }
}

const real = {
  h200Idle: captureSection('h200', 'idle :: nvidia-smi (default table)'),
  h200Load: captureSection('h200', 'load :: nvidia-smi (default table)'),
  h100Idle: captureSection('h100', 'idle :: nvidia-smi (default table)'),
  h100Load: captureSection('h100', 'load :: nvidia-smi (default table)'),
};

describe('the parser itself, on the real captures', () => {
  it.each(Object.entries(real))('reads %s', (_name, text) => {
    const t = parseTable(text);
    expect(t.smi).toBe('590.48.01');
    expect(t.cuda).toBe('13.1');
    expect(t.gpus).toHaveLength(1);
  });

  it('reads processes under load and none when idle', () => {
    expect(parseTable(real.h200Load).processes.map((p) => p.name)).toEqual([
      '/root/tools/memhog',
      '/root/tools/memhog',
      './gpu_burn',
    ]);
    expect(parseTable(real.h200Idle).processes).toEqual([]);
  });
});

describe('renderNvidiaSmiTable', () => {
  it('prints exactly the real idle tables when the GPU reads what the real one read', () => {
    expect(renderNvidiaSmiTable(H200_IDLE)).toBe(real.h200Idle);
    expect(renderNvidiaSmiTable(H100_IDLE)).toBe(real.h100Idle);
  });

  it('prints the real load table line for line, except which processes run', () => {
    const ours = renderNvidiaSmiTable(H200_LOAD).split('\n');
    const theirs = real.h200Load.split('\n');
    const procStart =
      theirs.findIndex((l) => l.startsWith('|===') && l.length === 91 && !l.includes('+')) + 1;
    expect(ours.slice(0, procStart)).toEqual(theirs.slice(0, procStart));
    const p = parseTable(renderNvidiaSmiTable(H200_LOAD)).processes;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ gpu: 0, type: 'C', mem: '32362MiB' });
  });

  const fleet = new SimFleet(DEMO_FLEET, () => Date.UTC(2026, 10, 29, 14, 0, 0));
  const nodes = fleet.sites.flatMap((s) => s.nodes.map((n) => ({ s, n })));
  const byModel = ['H200', 'H100', 'A100', 'L40S'].map((k) =>
    nodes.find(({ n }) => n.model.key === k && !n.idle)!,
  );
  const snapOf = ({ s, n }: (typeof nodes)[0]): GpuSnapshot => {
    const t = Math.floor(fleet.now() / 1000);
    return { node: n, frames: fleet.frames(s, n, t), jobs: fleet.jobs(s, n, t), atMs: fleet.now() };
  };

  it.each(byModel.map((x) => [x.n.model.key, x] as const))(
    'lays out an 8-GPU %s node as the real tables are laid out',
    (_key, x) => {
      const snap = snapOf(x);
      const t = parseTable(renderNvidiaSmiTable(snap));
      const ref = parseTable(real.h200Idle);
      expect(t.headings).toEqual(ref.headings);
      expect(t.driver).toBe(x.n.model.driverVersion);
      expect(t.gpus.map((g) => g.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(t.gpus.map((g) => g.busId)).toEqual(x.n.gpus.map((g) => g.pciBusId.toUpperCase()));
      expect(t.gpus.map((g) => g.util)).toEqual(snap.frames.map((f) => `${f.utilPct}%`));
      expect(t.gpus.map((g) => g.memUsed)).toEqual(snap.frames.map((f) => `${f.fbUsedMiB}MiB`));
      expect(new Set(t.gpus.map((g) => g.memTotal))).toEqual(new Set([`${x.n.model.memoryMiB}MiB`]));
      // Each busy GPU has the processes of its job and their memory adds up to what it uses.
      for (const [i, f] of snap.frames.entries()) {
        const used = t.processes.filter((p) => p.gpu === i).reduce((n, p) => n + parseInt(p.mem), 0);
        expect(used).toBe(f.fbUsedMiB);
      }
    },
  );

  it('draws the version rule as drivers of each branch do, and no MIG on an L40S', () => {
    const [h200, , a100, l40s] = byModel.map((x) => parseTable(renderNvidiaSmiTable(snapOf(x))));
    expect(h200!.versionRule).toBe(parseTable(real.h200Idle).versionRule);
    expect(a100!.versionRule.startsWith('|')).toBe(true); // 550.x
    expect(a100!.cuda).toBe('12.4');
    expect(new Set(l40s!.gpus.map((g) => g.mig))).toEqual(new Set(['N/A']));
    expect(new Set(a100!.gpus.map((g) => g.mig))).toEqual(new Set(['Disabled']));
  });

  it('shows only the GPUs asked for with -i', () => {
    const t = parseTable(renderNvidiaSmiTable(snapOf(byModel[0]!), [2, 5]));
    expect(t.gpus.map((g) => g.index)).toEqual([2, 5]);
    expect(t.processes.every((p) => p.gpu === 2 || p.gpu === 5)).toBe(true);
  });
});

describe('-L and --version', () => {
  it('match the real captures', () => {
    expect(renderGpuList(H200_IDLE)).toBe(captureSection('h200', 'capabilities :: list (-L)'));
    expect(renderSmiVersion(H200_IDLE.node.model)).toBe(captureSection('h200', 'capabilities :: version'));
  });
});
