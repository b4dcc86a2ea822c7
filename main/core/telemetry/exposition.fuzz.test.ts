import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleTime } from '../adapters/dcgm/dcgmScrapeSource';
import {
  edgeNumber,
  anyText,
  hostileText,
  nastyToken,
  prototypePolluted,
} from '../../../test/fuzzArbitraries';
import { fuzzParams, fuzzTimeoutMs, withinDeadline } from '../../../test/fuzzRuns';
import { emptyReading, isDcgmBlank, readDcgmSamples } from './dcgm';
import { parseExposition, type ParseResult, type Sample } from './exposition';

/**
 * Properties of the Prometheus text parser and the DCGM reader on hostile scrapes: whatever an exporter
 * (or whatever answers on its port) sends, the parse ends in a value, quickly, and a failure names the
 * line that is wrong.
 */

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures', name), 'utf8').split('\n');
const REAL_LINES = [
  ...fixture('dcgm-exporter-h100-8gpu.txt'),
  ...fixture('nvidia-gpu-exporter-h200-load.txt'),
].filter((l) => l.trim() !== '');

const VOCABULARY = [
  ...REAL_LINES.slice(0, 40),
  'DCGM_FI_DEV_GPU_TEMP',
  '{',
  '}',
  '="',
  '"',
  ',',
  ' ',
  '\n',
  '# HELP ',
  '# TYPE ',
  ' gauge',
  ' counter',
  'UUID="GPU-1"',
  'gpu="0"',
  '\\"',
  '\\\\',
  '\\n',
  '\\x',
  ' 1',
  ' 1e3',
  ' -Inf',
  ' NaN',
  ' 1700000000000',
];

function lineCount(text: string): number {
  return text.split('\n').length;
}

/** The promise every parse keeps: a value, and a failure names a real line and says what is wrong. */
function checkShape(text: string, r: ParseResult) {
  if (r.ok) {
    for (const s of r.value.samples) {
      expect(s.name).toMatch(/^[A-Za-z_:][A-Za-z0-9_:]*$/);
      expect(typeof s.value).toBe('number');
      expect(s.timestampMs === null || Number.isSafeInteger(s.timestampMs)).toBe(true);
      for (const v of Object.values(s.labels)) expect(typeof v).toBe('string');
    }
    return;
  }
  expect(Number.isInteger(r.line)).toBe(true);
  expect(r.line).toBeGreaterThanOrEqual(1);
  expect(r.line).toBeLessThanOrEqual(lineCount(text));
  expect(r.message.trim().length).toBeGreaterThan(0);
}

const render = (v: number) =>
  Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v);
const escapeLabel = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const sameNumber = (a: number, b: number) => Object.is(a, b) || (a === 0 && b === 0);

const metricName = fc.oneof(
  fc.stringMatching(/^[A-Za-z_:][A-Za-z0-9_:]{0,30}$/),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'DCGM_FI_DEV_GPU_TEMP'),
);
const labelName = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/),
  fc.constantFrom('constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'UUID', 'gpu'),
);
const sampleArb: fc.Arbitrary<Sample> = fc.record({
  name: metricName,
  labels: fc
    .uniqueArray(fc.tuple(labelName, fc.oneof(anyText, nastyToken)), { selector: ([k]) => k, maxLength: 6 })
    .map((pairs) => {
      const o: Record<string, string> = Object.create(null);
      for (const [k, v] of pairs) o[k] = v;
      return o;
    }),
  value: edgeNumber,
  timestampMs: fc.option(fc.maxSafeInteger(), { nil: null }),
});

function renderSample(s: Sample, sep: string): string {
  const labels = Object.entries(s.labels)
    .map(([k, v]) => `${k}${sep}=${sep}"${escapeLabel(v)}"`)
    .join(`,${sep}`);
  const ts = s.timestampMs === null ? '' : ` ${s.timestampMs}`;
  return `${s.name}${sep}{${labels}}${sep} ${render(s.value)}${ts}`;
}

describe('fuzz: parseExposition', () => {
  it(
    'never throws or hangs on hostile text, and a failure names a line of it',
    () => {
      fc.assert(
        fc.property(hostileText(VOCABULARY), (text) => {
          const r = withinDeadline(() => parseExposition(text));
          checkShape(text, r);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'a real scrape with one line damaged either still parses or fails naming exactly that line',
    () => {
      const damage = fc.oneof(
        nastyToken.filter((t) => !t.includes('\n')),
        anyText.map((t) => t.replace(/\n/g, '')),
      );
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: REAL_LINES.length - 1 }),
          fc.integer({ min: 1, max: 60 }),
          fc.nat(),
          fc.nat(),
          fc.nat(),
          damage,
          fc.constantFrom('\n', '\r\n'),
          (start, count, which, at, cut, token, eol) => {
            const lines = REAL_LINES.slice(start, start + count);
            const k = which % lines.length;
            const line = lines[k]!;
            const i = at % (line.length + 1);
            const j = Math.min(line.length, i + (cut % 4));
            lines[k] = line.slice(0, i) + token + line.slice(j);
            const text = lines.join(eol) + eol;
            const r = withinDeadline(() => parseExposition(text));
            checkShape(text, r);
            if (!r.ok) expect(r.line, r.message).toBe(k + 1);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'reads a value and a timestamp exactly as the format allows, or fails on that line naming the field',
    () => {
      const numberText = fc.oneof(
        nastyToken,
        fc.double().map(String),
        fc.bigInt().map(String),
        fc.stringMatching(/^-?\d{1,400}$/),
        fc.stringMatching(/^[-+]?\d*\.?\d*([eE][-+]?\d{1,4})?$/),
      );
      fc.assert(
        fc.property(
          fc.nat(30),
          numberText,
          fc.option(numberText, { nil: undefined }),
          (before, value, stamp) => {
            const line = `m{a="b"} ${value}${stamp === undefined ? '' : ` ${stamp}`}`;
            const text = `${'# filler\n'.repeat(before)}${line}\n`;
            const r = withinDeadline(() => parseExposition(text));
            checkShape(text, r);
            if (!r.ok) {
              expect(r.line).toBe(before + 1);
              expect(r.message).toMatch(/^metric m|^label|unexpected|no value/);
            } else if (r.value.samples.length === 1) {
              const s = r.value.samples[0]!;
              if (stamp !== undefined && s.timestampMs !== null)
                expect(s.timestampMs).toBe(Number(stamp.trim()));
            }
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'reads back any well-formed scrape exactly: prototype names, escapes, unicode, NaN/±Inf, stamps',
    () => {
      fc.assert(
        fc.property(
          fc.array(sampleArb, { maxLength: 12 }),
          fc.constantFrom('', ' ', '\t'),
          fc.constantFrom('\n', '\r\n'),
          fc.uniqueArray(
            fc.record({
              name: metricName,
              help: anyText.map((t) => t.trim()),
              type: fc.constantFrom('counter', 'gauge', 'histogram', 'summary', 'untyped'),
            }),
            { selector: (m) => m.name, maxLength: 4 },
          ),
          (samples, sep, eol, metas) => {
            const text = [
              ...metas.flatMap((m) => [
                `# HELP ${m.name} ${m.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
                `# TYPE ${m.name} ${m.type}`,
              ]),
              ...samples.map((s) => renderSample(s, sep)),
            ].join(eol);
            const r = withinDeadline(() => parseExposition(text));
            if (!r.ok) throw new Error(`line ${r.line}: ${r.message}\n${JSON.stringify(text)}`);
            expect(r.value.samples).toHaveLength(samples.length);
            r.value.samples.forEach((got, n) => {
              const want = samples[n]!;
              expect(got.name).toBe(want.name);
              expect(Object.entries(got.labels)).toEqual(Object.entries(want.labels));
              expect(sameNumber(got.value, want.value), `${got.value} vs ${want.value}`).toBe(true);
              expect(got.timestampMs).toBe(want.timestampMs);
            });
            for (const m of metas) expect(r.value.meta.get(m.name)).toEqual({ help: m.help, type: m.type });
            expect(prototypePolluted()).toBe(false);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});

const READING_KEYS = Object.keys(emptyReading('x')).sort();
const NUMERIC_KEYS = READING_KEYS.filter(
  (k) => !['uuid', 'gpuIndex', 'hostname', 'model', 'pciBusId', 'driverVersion'].includes(k),
);

describe('fuzz: readDcgmSamples', () => {
  const dcgmSample: fc.Arbitrary<Sample> = fc.record({
    name: fc.oneof(
      fc.constantFrom(
        'DCGM_FI_DEV_GPU_UTIL',
        'DCGM_FI_DEV_POWER_USAGE',
        'DCGM_FI_DEV_GPU_TEMP',
        'DCGM_FI_DEV_XID_ERRORS',
        'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
      ),
      metricName,
    ),
    labels: fc
      .dictionary(
        fc.constantFrom('UUID', 'uuid', 'GPU_I_ID', 'gpu', 'Hostname', 'hostname', 'modelName', 'pci_bus_id'),
        fc.oneof(fc.constantFrom('GPU-1', 'GPU-2', '0', '3', ''), nastyToken, anyText),
      )
      .map((d) => ({ ...d })),
    value: edgeNumber,
    timestampMs: fc.option(edgeNumber, { nil: null }),
  });

  it(
    'turns any samples into well-formed readings: known fields only, no sentinels, no junk keys',
    () => {
      fc.assert(
        fc.property(fc.array(dcgmSample, { maxLength: 30 }), fc.integer(), (samples, scrapedAt) => {
          const readings = withinDeadline(() => readDcgmSamples(samples));
          for (const r of readings) {
            expect(Object.keys(r).sort()).toEqual(READING_KEYS);
            expect(r.uuid.length).toBeGreaterThan(0);
            expect(r.gpuIndex === null || (Number.isSafeInteger(r.gpuIndex) && r.gpuIndex >= 0)).toBe(true);
            for (const k of NUMERIC_KEYS) {
              const v = r[k as keyof typeof r];
              expect(v === null || (typeof v === 'number' && Number.isFinite(v) && !isDcgmBlank(v))).toBe(
                true,
              );
            }
          }
          const t = sampleTime(samples, scrapedAt);
          expect(Number.isFinite(t) && Math.abs(t - scrapedAt) <= 60_000).toBe(true);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'reads whatever parses from a hostile scrape without throwing',
    () => {
      fc.assert(
        fc.property(hostileText(VOCABULARY), (text) => {
          const r = withinDeadline(() => parseExposition(text));
          if (r.ok) withinDeadline(() => readDcgmSamples(r.value.samples));
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});
