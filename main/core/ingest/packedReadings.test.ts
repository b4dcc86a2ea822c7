import { describe, expect, it } from 'vitest';
import { emptyReading, type GpuReading } from '../telemetry/dcgm';
import { packNumbers, packStrings, sameStrings, unpackReadings } from './packedReadings';

const reading = (i: number): GpuReading => ({
  ...emptyReading(`GPU-${i}`),
  gpuIndex: i,
  hostname: 'node-1',
  model: 'NVIDIA H100 80GB HBM3',
  pciBusId: i === 1 ? null : `0000:${i}`,
  driverVersion: '580.105.08',
  utilPct: 37,
  powerW: 512.25,
  tempC: i === 1 ? null : 61,
  energyMj: 123456789012,
  xid: 0,
});

describe('packed readings', () => {
  it('unpack(pack(readings)) is the readings, nulls and zeros kept apart', () => {
    const rs = [reading(0), reading(1), emptyReading('GPU-x')];
    expect(unpackReadings(packNumbers(rs), packStrings(rs))).toEqual(rs);
  });

  it('tells when the text is what was sent last time', () => {
    const a = packStrings([reading(0), reading(1)]);
    expect(sameStrings(a, packStrings([reading(0), reading(1)]))).toBe(true);
    expect(sameStrings(a, packStrings([reading(0)]))).toBe(false);
    expect(sameStrings(a, packStrings([reading(0), { ...reading(1), model: 'NVIDIA H200' }]))).toBe(false);
  });

  it('refuses numbers and text that do not describe the same GPUs', () => {
    const rs = [reading(0), reading(1)];
    expect(unpackReadings(packNumbers(rs), packStrings([reading(0)]))).toBeNull();
    expect(unpackReadings(packNumbers(rs), [...packStrings(rs).slice(0, 9), 42 as never])).toBeNull();
    expect(unpackReadings(new Float64Array(3), ['GPU-0'])).toBeNull();
  });
});
