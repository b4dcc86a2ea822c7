import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExposition, type ParseResult } from './exposition';

/**
 * parseExposition reuses a label set it has already parsed earlier in the same scrape when a line
 * repeats it character for character (issue 10: dcgm-exporter repeats each GPU's labels on all of its
 * ~24 metrics). A line parsed alone can never reuse anything, so parsing a whole text must give
 * exactly what parsing each of its lines alone gives: the same samples, or the same first failure.
 */

/** Each line alone, combined as the whole text's parse would report it. */
function lineByLine(lines: readonly string[]): ParseResult {
  const samples = [];
  const meta = new Map();
  for (const [k, line] of lines.entries()) {
    const r = parseExposition(line);
    if (!r.ok) return { ok: false, line: k + 1, message: r.message };
    samples.push(...r.value.samples);
    for (const [name, m] of r.value.meta) meta.set(name, { ...meta.get(name), ...m });
  }
  return { ok: true, value: { samples, meta } };
}

const VALUE = [
  '"0"',
  '"GPU-1"',
  '"a}b"',
  '"}"',
  '"{"',
  '"x\\"}"',
  '"\\\\"',
  '"a\\nb"',
  '""',
  '"é}"',
  '"\\q"',
  '"',
];
const NAME = ['gpu', 'UUID', 'Hostname', 'le', '__proto__', 'constructor', '1bad'];
const labelSet = fc
  .array(fc.tuple(fc.constantFrom(...NAME), fc.constantFrom('=', ' = ', '='), fc.constantFrom(...VALUE)), {
    maxLength: 4,
  })
  .chain((pairs) =>
    fc
      .tuple(
        fc.constantFrom(',', ', ', ',,', ''),
        fc.constantFrom('', ',', ' '),
        fc.constantFrom('}', ' }', ''),
      )
      .map(([sep, trail, close]) => `{${pairs.map((p) => p.join('')).join(sep)}${trail}${close}`),
  );
const line = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('DCGM_FI_DEV_GPU_TEMP', 'm', 'x:y'),
      fc.oneof(labelSet, fc.constant('')),
      fc.constantFrom(
        ' 1',
        ' 1.5',
        '  2',
        '\t3',
        ' NaN',
        ' -Inf',
        ' 1e3',
        ' 4 1700000000000',
        ' x',
        '',
        ' 1 2 3',
        ' 0x1',
      ),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('# TYPE m gauge', '# HELP m help', '', '# free comment'),
);

describe('parseExposition reusing label sets within a scrape', () => {
  it('gives exactly what parsing each line alone gives', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            line,
            line.map((l) => `${l}\n${l}`),
          ),
          { maxLength: 30 },
        ),
        (ls) => {
          const lines = ls.join('\n').split('\n');
          expect(parseExposition(lines.join('\n'))).toEqual(lineByLine(lines));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('shares one label object between the lines that repeat a set, never across scrapes', () => {
    const text = 'a{gpu="0",UUID="G-0"} 1\nb{gpu="0",UUID="G-0"} 2\nc{gpu="1",UUID="G-1"} 3\n';
    const r = parseExposition(text);
    if (!r.ok) throw new Error(r.message);
    const [a, b, c] = r.value.samples;
    expect(a!.labels).toBe(b!.labels);
    expect(c!.labels).toEqual({ gpu: '1', UUID: 'G-1' });
    const again = parseExposition(text);
    expect(again.ok && again.value.samples[0]!.labels).not.toBe(a!.labels);
  });

  it('reads a "}" inside a repeated value, and a stamp after the value', () => {
    const r = parseExposition('m{a="}",b="x"} 1\nn{a="}",b="x"} 2 1700000000000\nm{a="}"} 3\n');
    if (!r.ok) throw new Error(r.message);
    expect(r.value.samples.map((s) => [s.labels, s.value, s.timestampMs])).toEqual([
      [{ a: '}', b: 'x' }, 1, null],
      [{ a: '}', b: 'x' }, 2, 1700000000000],
      [{ a: '}' }, 3, null],
    ]);
  });
});
