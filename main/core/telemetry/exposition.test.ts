import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures', name), 'utf8');

describe('parseExposition on real exporter output', () => {
  it('reads the real dcgm-exporter H100 scrape: 8 GPUs, every label, pod labels on gpu 0', () => {
    const r = parseExposition(fixture('dcgm-exporter-h100-8gpu.txt'));
    if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
    const temps = r.value.samples.filter((s) => s.name === 'DCGM_FI_DEV_GPU_TEMP');
    expect(temps).toHaveLength(8);
    expect(temps[0]!.labels).toMatchObject({
      gpu: '0',
      UUID: 'GPU-c4529c8d-69c4-b61d-e0bc-7b2460096005',
      modelName: 'NVIDIA H100 80GB HBM3',
      Hostname: 'gpu-node-1',
      pod: 'vllm-agg-0-vllmdecodeworker-s65j5',
      pod_uid: '',
    });
    expect(temps.map((s) => s.value)).toEqual([30, 29, 26, 29, 28, 26, 28, 26]);
    const power = r.value.samples.find((s) => s.name === 'DCGM_FI_DEV_POWER_USAGE');
    expect(power?.value).toBeCloseTo(113.611, 3);
  });

  it('reads a full exporter page with HELP and TYPE for every family', () => {
    const r = parseExposition(fixture('nvidia-gpu-exporter-h200-load.txt'));
    if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
    expect(r.value.samples.length).toBeGreaterThan(50);
    expect(r.value.meta.get('nvidia_smi_accounting_mode')).toEqual({
      help: 'accounting.mode',
      type: 'gauge',
    });
  });
});

describe('parseExposition covers the text format', () => {
  it.each([
    ['NaN', NaN],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['1.5e3', 1500],
    ['-0.25', -0.25],
    ['9223372036854775794', Number('9223372036854775794')],
  ])('value %s', (text, value) => {
    const r = parseExposition(`m{a="b"} ${text}\n`);
    expect(r.ok && r.value.samples[0]!.value).toEqual(value);
  });

  it('unescapes label values and HELP text', () => {
    const r = parseExposition(
      '# HELP m A \\\\ help\\nline\n# TYPE m gauge\nm{path="C:\\\\x",q="say \\"hi\\"",nl="a\\nb"} 1\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.samples[0]!.labels).toEqual({ path: 'C:\\x', q: 'say "hi"', nl: 'a\nb' });
    expect(r.value.meta.get('m')?.help).toBe('A \\ help\nline');
  });

  it('keeps optional timestamps, tolerates CRLF, blank lines, other comments and a missing final newline', () => {
    const r = parseExposition('# just a comment\r\n\r\nm 1 1700000000000\r\nn{} 2');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.samples).toEqual([
      { name: 'm', labels: {}, value: 1, timestampMs: 1700000000000 },
      { name: 'n', labels: {}, value: 2, timestampMs: null },
    ]);
  });

  it('accepts a trailing comma in the label set, as Prometheus does', () => {
    const r = parseExposition('m{a="1",} 3\n');
    expect(r.ok && r.value.samples[0]!.labels).toEqual({ a: '1' });
  });

  it.each([
    ['m{a="1"', 1, 'missing "}"'],
    ['m{a="1} 2', 1, 'unterminated'],
    ['ok 1\nm{a=1} 2', 2, 'double quotes'],
    ['m{a="1",a="2"} 1', 1, 'twice'],
    ['m 12abc', 1, 'not a number'],
    ['m', 1, 'no value'],
    ['m 1 2 3', 1, 'unexpected text'],
    ['9m 1', 1, 'must start'],
    ['m{a="\\q"} 1', 1, 'unknown escape'],
    ['# TYPE m gauges\nm 1', 1, 'unknown metric type'],
    ['<html>502 Bad Gateway</html>', 1, 'must start'],
  ])('rejects %j at line %i naming the problem', (text, line, words) => {
    const r = parseExposition(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(line);
    expect(r.message).toContain(words);
  });
});
