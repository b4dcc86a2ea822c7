/**
 * Specs of the GPU models the simulator runs, from the vendors' datasheets; `modelName` is spelled
 * exactly as dcgm-exporter labels it (see test/fixtures/dcgm-exporter-h100-8gpu.txt).
 * Idle draw ranges follow measured idle boards (the H100 fixture shows 65–114 W at 0 % load).
 */
export interface GpuModelSpec {
  key: 'H200' | 'H100' | 'A100' | 'L40S';
  modelName: string;
  memoryMiB: number;
  tdpW: number;
  idleW: [number, number];
  smClockMaxMHz: number;
  smClockIdleMHz: number;
  memClockMHz: number;
  driverVersion: string;
}

export const GPU_MODELS: Record<GpuModelSpec['key'], GpuModelSpec> = {
  H200: {
    key: 'H200',
    modelName: 'NVIDIA H200',
    memoryMiB: 143_771,
    tdpW: 700,
    idleW: [70, 100],
    smClockMaxMHz: 1980,
    smClockIdleMHz: 345,
    memClockMHz: 3201,
    driverVersion: '590.48.01',
  },
  H100: {
    key: 'H100',
    modelName: 'NVIDIA H100 80GB HBM3',
    memoryMiB: 81_559,
    tdpW: 700,
    idleW: [62, 100],
    smClockMaxMHz: 1980,
    smClockIdleMHz: 345,
    memClockMHz: 2619,
    driverVersion: '580.105.08',
  },
  A100: {
    key: 'A100',
    modelName: 'NVIDIA A100-SXM4-80GB',
    memoryMiB: 81_920,
    tdpW: 400,
    idleW: [55, 70],
    smClockMaxMHz: 1410,
    smClockIdleMHz: 210,
    memClockMHz: 1593,
    driverVersion: '550.127.05',
  },
  L40S: {
    key: 'L40S',
    modelName: 'NVIDIA L40S',
    memoryMiB: 46_068,
    tdpW: 350,
    idleW: [60, 80],
    smClockMaxMHz: 2520,
    smClockIdleMHz: 210,
    memClockMHz: 9001,
    driverVersion: '580.105.08',
  },
};
