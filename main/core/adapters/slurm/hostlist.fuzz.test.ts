import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../../../test/fuzzArbitraries';
import { fuzzParams, fuzzTimeoutMs, withinDeadline } from '../../../../test/fuzzRuns';
import { expandHostlist, MAX_HOSTS, type HostlistParse } from './hostlist';

/**
 * Properties of the hostlist expander on a job's `nodes` field as slurmrestd (or anything posing as
 * it) sends it: a bounded list of names or an error that says why, never a throw, a hang or a
 * runaway allocation.
 */

const VOCABULARY = [
  'gpu',
  'node-',
  'r',
  'n',
  '[',
  ']',
  '-',
  ',',
  '0',
  '1',
  '01',
  '007',
  '1-4',
  '[1-4]',
  '[01-16]',
  '[0-999]',
  '99999999999999999999',
  '9007199254740993',
  '18446744073709551615',
  '0'.repeat(300),
  'None assigned',
  '(null)',
];

function checkShape(r: HostlistParse) {
  if (r.ok) {
    expect(r.value.length).toBeLessThanOrEqual(MAX_HOSTS);
    expect(r.value.every((h) => typeof h === 'string' && h.length > 0)).toBe(true);
  } else {
    expect(r.message.trim().length).toBeGreaterThan(0);
  }
}

const prefix = fc.stringMatching(/^[A-Za-z0-9._-]{0,6}$/);
/** One range as written (zero-padded to its width) and the numbers it stands for. */
const range = fc.tuple(fc.nat(40), fc.nat(4), fc.nat(3)).map(([lo, span, pad]) => {
  const width = String(lo).length + pad;
  const text =
    span === 0 ? String(lo).padStart(width, '0') : `${String(lo).padStart(width, '0')}-${lo + span}`;
  return { text, names: Array.from({ length: span + 1 }, (_, i) => String(lo + i).padStart(width, '0')) };
});
const group = fc
  .array(range, { minLength: 1, maxLength: 3 })
  .map((rs) => ({ text: `[${rs.map((r) => r.text).join(',')}]`, names: rs.flatMap((r) => r.names) }));
/** A host expression ("r[1-2]n[01,3]x") with its expansion worked out independently. */
const expression = fc
  .tuple(prefix, fc.array(fc.tuple(group, prefix), { maxLength: 3 }))
  .filter(([p, gs]) => p.length > 0 || gs.length > 0)
  .map(([p, gs]) => {
    let names = [p];
    let text = p;
    for (const [g, suffix] of gs) {
      names = names.flatMap((h) => g.names.map((n) => `${h}${n}${suffix}`));
      text += `${g.text}${suffix}`;
    }
    return { text, names };
  });

describe('fuzz: expandHostlist', () => {
  it(
    'never throws or hangs on hostile text; a result is bounded, a failure says why',
    () => {
      fc.assert(
        fc.property(hostileText(VOCABULARY), (text) => {
          checkShape(withinDeadline(() => expandHostlist(text)));
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'expands any well-formed hostlist exactly, padding included',
    () => {
      fc.assert(
        fc.property(fc.array(expression, { minLength: 1, maxLength: 4 }), (exprs) => {
          const r = withinDeadline(() => expandHostlist(exprs.map((e) => e.text).join(',')));
          expect(r).toEqual({ ok: true, value: exprs.flatMap((e) => e.names) });
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'refuses numbers beyond 2^53, huge widths, thousands of bracket groups and too many hosts without hanging',
    () => {
      const bigNumber = fc.oneof(
        fc.stringMatching(/^\d{16,40}$/),
        fc.constantFrom('9007199254740993', '99999999999999999999', '0'.repeat(5000) + '1'),
      );
      fc.assert(
        fc.property(
          fc.oneof(
            {
              weight: 15,
              arbitrary: fc
                .tuple(bigNumber, fc.option(bigNumber))
                .map(([a, b]) => `gpu[${a}${b === null ? '' : `-${b}`}]`),
            },
            {
              weight: 15,
              arbitrary: fc
                .tuple(bigNumber, fc.nat(3))
                .map(([a, n]) => `gpu[${a}-${a.replace(/.$/, String(n))}]`),
            },
            {
              weight: 1,
              arbitrary: fc
                .tuple(
                  fc.constantFrom('a[1]', 'x[0-1]', 'n[01]-', '[7]'),
                  fc.integer({ min: 1, max: 30_000 }),
                )
                .map(([chunk, n]) => chunk.repeat(n)),
            },
            { weight: 1, arbitrary: fc.constantFrom('gpu[0-99999]', 'gpu[0-100000]', 'r[0-316]n[0-316]') },
          ),
          (text) => checkShape(withinDeadline(() => expandHostlist(text))),
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});
