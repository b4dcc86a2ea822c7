import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promValue, stepFor } from './promClient';
import { dcgmQuery, vectorToReports } from './prometheusSource';

describe('vectorToReports on a real Prometheus answer', () => {
  it('discovers nodes and GPUs from the DCGM series labels', () => {
    const body = JSON.parse(
      readFileSync(
        join(__dirname, '../../../../test/fixtures/prometheus-api-v1-query-vector-dcgm-h100.json'),
        'utf8',
      ),
    );
    const reports = vectorToReports(body.data.result);
    const hosts = reports.map((r) => r.hostname).sort();
    expect(hosts.length).toBeGreaterThanOrEqual(1);
    const gpus = reports.flatMap((r) => r.readings);
    expect(gpus).toHaveLength(16);
    expect(new Set(gpus.map((g) => g.uuid)).size).toBe(16);
    expect(gpus.every((g) => g.model === 'NVIDIA H100 80GB HBM3' && g.utilPct !== null)).toBe(true);
    expect(reports[0]!.t).toBe(1773114089184);
  });
});

describe('Prometheus helpers', () => {
  it.each([
    ['NaN', NaN],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['42.5', 42.5],
  ])('promValue(%s)', (s, v) => expect(promValue(s)).toEqual(v));

  it('keeps range queries under 11,000 points per series', () => {
    expect(stepFor(0, 3600, 15)).toBe(15);
    expect(stepFor(0, 30 * 86_400, 1)).toBe(236);
    expect((30 * 86_400) / stepFor(0, 30 * 86_400, 1)).toBeLessThanOrEqual(11_000);
  });

  it('builds one selector for the DCGM fields, narrowed by the site selector', () => {
    expect(dcgmQuery()).toMatch(/^\{__name__=~"DCGM_FI_DEV_GPU_UTIL\|.*"\}$/);
    expect(dcgmQuery('{job="dcgm", site="fra1"}')).toMatch(/,job="dcgm", site="fra1"\}$/);
  });
});
