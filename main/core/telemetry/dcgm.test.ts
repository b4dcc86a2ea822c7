import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDcgmBlank, readDcgmSamples } from './dcgm';
import { parseExposition } from './exposition';

const parse = (text: string) => {
  const r = parseExposition(text);
  if (!r.ok) throw new Error(r.message);
  return r.value.samples;
};

describe('readDcgmSamples', () => {
  it('turns the real H100 scrape into 8 GPU readings keyed by UUID', () => {
    const text = readFileSync(join(__dirname, '../../../test/fixtures/dcgm-exporter-h100-8gpu.txt'), 'utf8');
    const gpus = readDcgmSamples(parse(text));
    expect(gpus).toHaveLength(8);
    const g0 = gpus.find((g) => g.gpuIndex === 0)!;
    expect(g0).toMatchObject({
      uuid: 'GPU-c4529c8d-69c4-b61d-e0bc-7b2460096005',
      hostname: 'gpu-node-1',
      model: 'NVIDIA H100 80GB HBM3',
      pciBusId: '00000000:53:00.0',
      driverVersion: '580.105.08',
      tempC: 30,
    });
    expect(g0.powerW).toBeCloseTo(113.611, 3);
  });

  it('accepts the lower-case hostname/uuid labels of newer exporters', () => {
    const [g] = readDcgmSamples(
      parse('DCGM_FI_DEV_GPU_UTIL{gpu="3",uuid="GPU-x",hostname="n1",modelName="NVIDIA H200"} 42\n'),
    );
    expect(g).toMatchObject({
      uuid: 'GPU-x',
      hostname: 'n1',
      gpuIndex: 3,
      utilPct: 42,
      model: 'NVIDIA H200',
    });
  });

  it('treats DCGM blank sentinels as missing, never as numbers', () => {
    const [g] = readDcgmSamples(
      parse(
        [
          'DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-a"} 9223372036854775794',
          'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a"} 140737488355328',
          'DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-a"} 2147483632',
          'DCGM_FI_DEV_MEMORY_TEMP{gpu="0",UUID="GPU-a"} NaN',
          'DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-a"} 1024',
        ].join('\n'),
      ),
    );
    expect(g).toMatchObject({ utilPct: null, powerW: null, tempC: null, memTempC: null, fbUsedMiB: 1024 });
  });

  it('ignores series without a GPU UUID and keeps MIG instances apart', () => {
    const gpus = readDcgmSamples(
      parse(
        [
          'process_cpu_seconds_total 12',
          'DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-m",GPU_I_ID="1"} 10',
          'DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-m",GPU_I_ID="2"} 90',
        ].join('\n'),
      ),
    );
    expect(gpus.map((g) => [g.uuid, g.utilPct])).toEqual([
      ['GPU-m/1', 10],
      ['GPU-m/2', 90],
    ]);
  });
});

describe('isDcgmBlank', () => {
  it.each([
    [0, false],
    [700.5, false],
    [2147483631, false],
    [2147483632, true],
    [2147483647, true],
    [140737488355328, true],
    [Number('9223372036854775792'), true],
    [NaN, true],
    [Infinity, true],
    [-Infinity, true],
  ])('%d → %s', (v, blank) => expect(isDcgmBlank(v)).toBe(blank));
});
