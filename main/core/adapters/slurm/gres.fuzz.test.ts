import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../../../test/fuzzArbitraries';
import { fuzzParams, fuzzTimeoutMs, withinDeadline } from '../../../../test/fuzzRuns';
import { parseGres, parseIndexList, parseTresGres, type GresEntry, type GresParse } from './gres';

/**
 * Properties of the gres readers on the strings slurmrestd passes through from slurmctld: a list of
 * entries with real counts, or an error quoting the part it could not read; never a guessed count,
 * a throw or a hang.
 */

const VOCABULARY = [
  'gpu',
  'gres',
  'gres/',
  'gres:',
  'shard',
  'mps',
  'h200',
  ':',
  ',',
  '(',
  ')',
  'IDX:',
  'S:',
  '(null)',
  'N/A',
  '0',
  '2',
  '8',
  '1K',
  '4T',
  '0-1',
  '0,2-3',
  '=',
  'cpu=2',
  '99999999999999999999',
  '9007199254740993',
  '0-4096',
];

function checkShape(r: GresParse) {
  if (!r.ok) {
    expect(r.message.trim().length).toBeGreaterThan(0);
    expect(r.message).toContain('"');
    return;
  }
  for (const e of r.value) {
    expect(e.name).toMatch(/^[A-Za-z][\w.-]*$/);
    expect(e.type === null || e.type.length > 0).toBe(true);
    expect(Number.isSafeInteger(e.count) && e.count >= 0).toBe(true);
    if (e.indices !== null) expect(e.indices.every((i) => Number.isSafeInteger(i) && i >= 0)).toBe(true);
  }
}

const SUFFIX = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 } as const;

/** One entry and how slurmctld would write it. */
const entry = fc
  .record({
    name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,8}$/),
    type: fc.option(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { nil: null }),
    n: fc.nat(4096),
    suffix: fc.constantFrom('', 'K', 'M', 'G', 'T') as fc.Arbitrary<keyof typeof SUFFIX>,
    indices: fc.option(fc.uniqueArray(fc.nat(64), { maxLength: 8 }), { nil: null }),
    nullType: fc.boolean(),
  })
  .map(({ name, type, n, suffix, indices, nullType }) => {
    const sorted = indices && indices.length ? [...indices].sort((a, b) => a - b) : null;
    const typeText = type ?? (nullType ? '(null)' : '');
    const head = typeText ? `${name}:${typeText}:${n}${suffix}` : `${name}:${n}${suffix}`;
    const text = sorted ? `${head}(IDX:${sorted.join(',')})` : head;
    const want: GresEntry = { name, type, count: n * SUFFIX[suffix], indices: sorted };
    return { text, want };
  });

describe('fuzz: gres strings', () => {
  it(
    'never throw or hang on hostile text; counts are real, failures quote what they could not read',
    () => {
      fc.assert(
        fc.property(hostileText(VOCABULARY), (text) => {
          checkShape(withinDeadline(() => parseGres(text)));
          checkShape(withinDeadline(() => parseTresGres(text)));
          const list = withinDeadline(() => parseIndexList(text));
          expect(list === null || list === undefined || list.every((i) => Number.isSafeInteger(i))).toBe(
            true,
          );
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'read back any well-formed gres and TRES string exactly',
    () => {
      fc.assert(
        fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), (entries) => {
          const text = entries.map((e) => e.text).join(',');
          expect(withinDeadline(() => parseGres(text))).toEqual({
            ok: true,
            value: entries.map((e) => e.want),
          });
          const tres = entries.map((e) => `gres/${e.text.replace(/\(IDX:[^()]*\)$/, '')}`).join(',');
          const r = withinDeadline(() => parseTresGres(`cpu=2,${tres},mem=4G`));
          expect(r).toEqual({ ok: true, value: entries.map((e) => ({ ...e.want, indices: null })) });
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'refuse counts and device indices beyond what a double counts exactly, without hanging',
    () => {
      const big = fc.oneof(
        fc.stringMatching(/^\d{16,40}$/),
        fc.constantFrom('9007199254740993', '99999999999999999999', '9'.repeat(400)),
      );
      fc.assert(
        fc.property(
          fc.oneof(
            fc.tuple(big, fc.constantFrom('', 'K', 'T')).map(([n, s]) => `gpu:h200:${n}${s}`),
            fc.tuple(big, fc.option(big)).map(([a, b]) => `gpu:h200:1(IDX:${a}${b === null ? '' : `-${b}`})`),
            fc.tuple(big, fc.nat(3)).map(([a, n]) => `gpu:1(IDX:${a}-${a.replace(/.$/, String(n))})`),
          ),
          (text) => {
            const r = withinDeadline(() => parseGres(text));
            checkShape(r);
            if (r.ok) expect(r.value.every((e) => e.count <= Number.MAX_SAFE_INTEGER)).toBe(true);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});
