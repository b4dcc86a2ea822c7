import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, nastyToken } from '../../../../test/fuzzArbitraries';
import { fuzzParams, fuzzTimeoutMs, withinDeadline } from '../../../../test/fuzzRuns';
import { SimFleet } from '../simFleet';
import { runNvidiaSmi } from './nvidiaSmiCommand';
import { QUERY_FIELDS } from './nvidiaSmiQuery';
import { runLine, type ShellContext } from './simShell';

/**
 * Properties of the simulated nodes' `nvidia-smi` command line, which reads what an operator (or a
 * broadcast) types: any argv ends the way nvidia-smi ends — output and exit 0, or its own message on
 * stdout, a blank line, and exit 2 (bad argument) or 6 (no such GPU); never a throw or a hang. A
 * valid `--query-gpu` prints a header and one row per GPU with one cell per field.
 */

const T0 = Date.UTC(2026, 10, 29, 14, 5, 9);
const fleet = new SimFleet({ seed: 42, sites: 1, nodesPerSite: 3 }, () => T0);
const site = fleet.sites[0]!;
const node = site.nodes.find((n) => !n.idle) ?? site.nodes[0]!;
const snapAt = (atMs: number) => {
  const t = Math.floor(atMs / 1000);
  return { node, frames: fleet.frames(site, node, t), jobs: fleet.jobs(site, node, t), atMs };
};
const SNAP = snapAt(T0);
const ctx: ShellContext = {
  hostname: node.hostname,
  user: 'ops',
  tty: () => ({ cols: 120, rows: 40 }),
  nowMs: () => T0,
  bootMs: T0 - 86_400_000,
  users: () => 1,
  gpus: snapAt,
};

const FIELD_NAMES = QUERY_FIELDS.flatMap((f) => [f.name, ...f.aliases]);
const GPU_IDS = node.gpus.flatMap((g) => [String(g.index), g.uuid, g.pciBusId, g.pciBusId.toLowerCase()]);

const fieldList = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) },
        { weight: 1, arbitrary: nastyToken },
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    fc.constantFrom(',', ', ', ' ,'),
  )
  .map(([fs, sep]) => fs.join(sep));
const arg = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '-L',
      '--list-gpus',
      '--version',
      '-h',
      '--help',
      '--help-query-gpu',
      '--query-gpu',
      '--format',
      '--format=csv',
      '--format=csv,noheader',
      '--format=csv,noheader,nounits',
      '--format=csv,bogus',
      '--format=',
      '-i',
      '--id',
      '--id=',
      '--id=0',
      '-q',
      '',
    ),
  },
  { weight: 3, arbitrary: fieldList.map((l) => `--query-gpu=${l}`) },
  { weight: 2, arbitrary: fc.constantFrom(...GPU_IDS) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...GPU_IDS, '99', '-1', ''), { maxLength: 3 })
      .map((a) => a.join(',')),
  },
  { weight: 1, arbitrary: fieldList },
  { weight: 1, arbitrary: fc.oneof(nastyToken, anyText) },
);

describe('fuzz: nvidia-smi command line', () => {
  it(
    'any argv ends in output (exit 0) or nvidia-smi’s own error and exit 2 or 6',
    () => {
      fc.assert(
        fc.property(fc.array(arg, { maxLength: 6 }), (argv) => {
          const r = withinDeadline(() => runNvidiaSmi(argv, SNAP));
          expect([0, 2, 6]).toContain(r.code);
          expect(r.stderr).toBe('');
          if (r.code !== 0) {
            expect(r.stdout.endsWith('\n\n')).toBe(true);
            expect(r.stdout.trim().length).toBeGreaterThan(0);
          }
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'a valid --query-gpu prints a header and one row per chosen GPU, one cell per field',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...FIELD_NAMES), { minLength: 1, maxLength: 10 }),
          fc.constantFrom('csv', 'csv,noheader', 'csv,nounits', 'csv, noheader, nounits'),
          fc.option(
            fc.uniqueArray(fc.constantFrom(...node.gpus.map((g) => String(g.index))), { minLength: 1 }),
          ),
          (fields, format, ids) => {
            const argv = [`--query-gpu=${fields.join(',')}`, `--format=${format}`];
            if (ids) argv.push('-i', ids.join(','));
            const r = withinDeadline(() => runNvidiaSmi(argv, SNAP));
            expect(r.code, r.stdout).toBe(0);
            const lines = r.stdout.split('\n').slice(0, -1);
            const header = !format.includes('noheader');
            expect(lines).toHaveLength((header ? 1 : 0) + (ids?.length ?? node.gpus.length));
            // Cells never hold ", " themselves: the split is exact.
            for (const l of lines) expect(l.split(', ')).toHaveLength(fields.length);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'typed at the simulated shell, with quotes, variables and operators, any nvidia-smi line ends cleanly',
    () => {
      const word = fc.oneof(
        arg,
        fc.constantFrom(
          '"--format=csv"',
          "'-L'",
          '$USER',
          '"$HOME"',
          '\\',
          '&&',
          '||',
          ';',
          '|',
          '>',
          '`',
          '$(',
        ),
      );
      fc.assert(
        fc.property(
          fc.array(word, { maxLength: 6 }),
          fc.constantFrom('nvidia-smi', '/usr/bin/nvidia-smi'),
          (ws, cmd) => {
            const r = withinDeadline(() => runLine([cmd, ...ws].join(' '), ctx));
            expect(Number.isInteger(r.code) && r.code >= 0 && r.code < 256).toBe(true);
            expect(typeof r.stdout === 'string' && typeof r.stderr === 'string').toBe(true);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});
