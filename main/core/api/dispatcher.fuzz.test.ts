import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, EVENT_NAMES, type CallName } from '../../../shared/channels';
import { calls } from '../../../shared/contract';
import { ERROR_CODES, ok, type Result } from '../../../shared/result';
import { ROLES, type Role } from '../../../shared/roles';
import { ClientFrameSchema, ServerFrameSchema } from '../../../shared/wire';
import {
  anyText,
  deepJsonText,
  edgeNumber,
  fromZod,
  hostileText,
  hostileValue,
  mutatedJson,
  mutatedJsonText,
  nastyToken,
  prototypePolluted,
} from '../../../test/fuzzArbitraries';
import { fuzzParams, fuzzRuns, fuzzTimeoutMs, withinDeadline } from '../../../test/fuzzRuns';
import { startTestCore } from '../../../test/contract/testCore';
import type { Core } from '../createCore';
import { createDispatcher, type CallContext, type Handlers } from './dispatcher';

/**
 * Properties of the contract boundary: the served transport's frames (shared/wire.ts) and the
 * dispatcher every transport calls, for every call name with arbitrary payloads. A frame is read or
 * refused; a call ends in a Result whose error has a known code and a message naming the call and
 * the field; a handler sees only a payload its schema accepted; and no handler throws (INTERNAL)
 * on a payload the contract let through.
 */

/** The served transport's reading of one text frame (servedConsole.ts), as a pure function. */
function readFrame(text: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  return ClientFrameSchema.safeParse(raw);
}

const FRAMES = [
  { type: 'call', id: 1, name: 'site.detail', payload: { siteId: 'eu-fra-1', windowS: 900 } },
  { type: 'call', id: 2, name: 'app.info', payload: {} },
  { type: 'subscribe', name: 'fleet.tick' },
  { type: 'unsubscribe', name: 'alerts.changed' },
];

/** Request shapes from the contract itself: payloads with the right keys and hostile values. */
function shapeOf(schema: unknown): Record<string, unknown> | null {
  let s = schema as { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } } | undefined;
  for (let i = 0; i < 5 && s; i++) {
    if (s.shape) return s.shape;
    const def = s._zod?.def;
    s = (def?.in ?? def?.innerType ?? def?.schema) as typeof s;
  }
  return null;
}

/** Plausible field values: real ids of the demo fleet, numbers in and out of range, hostile ones. */
const plausible = (ids: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 2, arbitrary: fc.constantFrom(0, 1, 10, 60, 500, 900, 86_400, -1, 1e9, true, false, null) },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: edgeNumber },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ids), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  );

/**
 * Payloads for one call: mostly what its schema accepts (read from the schema itself), some of those
 * with a field corrupted, and some with the right keys and hostile values, or anything at all.
 */
function payloadFor(name: CallName, ids: readonly string[]): fc.Arbitrary<unknown> {
  const valid = fromZod(calls[name].request, ids);
  const keys = Object.keys(shapeOf(calls[name].request) ?? {});
  const shaped = keys.length
    ? fc.dictionary(fc.oneof(fc.constantFrom(...keys), nastyToken), plausible(ids), {
        maxKeys: keys.length + 1,
      })
    : fc.constant({});
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    {
      weight: 2,
      arbitrary: valid.chain((v) =>
        v && typeof v === 'object' ? mutatedJson(v, plausible(ids)) : fc.constant(v),
      ),
    },
    { weight: 2, arbitrary: shaped },
    { weight: 1, arbitrary: hostileValue },
    {
      weight: 1,
      arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function checkResult(name: string, r: Result<unknown>) {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) return;
  expect(ERROR_CODES).toContain(r.error.code);
  expect(r.error.message.trim().length).toBeGreaterThan(0);
  if (r.error.code === 'INVALID_REQUEST' && r.error.message.includes('bad request'))
    expect(r.error.message).toMatch(
      new RegExp(`^"${name.replace('.', '\\.')}" was called with a bad request: \\S`),
    );
}

describe('fuzz: wire frames', () => {
  it(
    'any text frame is read as a well-formed frame or refused, never thrown on',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            ...FRAMES.map(mutatedJsonText),
            hostileText(['{', '}', '"type":', '"call"', '"id":', '"name":', '"payload":', ',', '[', ']']),
            fc.integer({ min: 1, max: 20_000 }).map(deepJsonText),
          ),
          (text) => {
            const f = withinDeadline(() => readFrame(text));
            if (!f.success) return;
            if (f.data.type === 'call') {
              expect(Number.isSafeInteger(f.data.id) && f.data.id >= 0).toBe(true);
              expect(CALL_NAMES).toContain(f.data.name);
            } else expect(EVENT_NAMES).toContain(f.data.name);
            expect(prototypePolluted()).toBe(false);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it('any value is read as a server frame or refused', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, fc.anything({ withNullPrototype: true })), (v) => {
        const f = withinDeadline(() => ServerFrameSchema.safeParse(v));
        if (f.success && f.data.type === 'protocol-error') expect(typeof f.data.message).toBe('string');
      }),
      fuzzParams(),
    );
  });
});

describe('fuzz: the dispatcher, for every call name', () => {
  const seen: { name: string; payload: unknown }[] = [];
  const stub = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (payload: unknown) => {
        seen.push({ name, payload });
        return ok(null);
      },
    ]),
  ) as unknown as Handlers;
  const dispatch = createDispatcher(stub, { log: () => undefined, audit: () => Promise.resolve() });
  const ctx = (role: Role): CallContext => ({
    session: { id: 's', actor: 'fuzz', role, profile: 'fuzz' } as unknown as CallContext['session'],
  });

  it(
    'arbitrary payloads end in a Result; refusals name the call and the field; handlers see parsed payloads only',
    async () => {
      const ids = ['eu-fra-1', 'gpu-1', 'job-1', 'x'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...CALL_NAMES).chain((name) => fc.tuple(fc.constant(name), payloadFor(name, ids))),
          fc.constantFrom(...ROLES),
          async ([name, payload], role) => {
            seen.length = 0;
            const r = await dispatch(name, payload, ctx(role));
            checkResult(name, r);
            if (r.ok) {
              expect(seen).toHaveLength(1);
              expect(calls[name].request.safeParse(payload ?? {}).success).toBe(true);
            } else expect(seen).toHaveLength(0);
          },
        ),
        fuzzParams({ timeout: 2000 }),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'any call name that is not in the contract is UNKNOWN_CALL, whatever its type',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            anyText,
            nastyToken,
            fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
            fc.constant(Object.create(null)),
            fc.constant({
              toString() {
                throw new Error('no');
              },
            }),
          ),
          async (name) => {
            const r = await dispatch(name, {}, ctx('admin'));
            if (typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name)) return;
            expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
            if (!r.ok) expect(r.error.message.length).toBeLessThan(200);
          },
        ),
        fuzzParams({ timeout: 2000 }),
      );
    },
    fuzzTimeoutMs(),
  );
});

describe('fuzz: the real core, for every call name', () => {
  let core: Core;
  let ids: string[] = [];
  const logs: string[] = [];
  beforeAll(async () => {
    core = await startTestCore({ demo: { seed: 7, sites: 2, nodesPerSite: 2 }, log: (m) => logs.push(m) });
    await core.fleet.scrapeAll();
    core.fleet.tick();
    const session = core.newSession('fuzz');
    session.role = 'admin';
    const snap = (await core.dispatch('fleet.snapshot', {}, { session })) as Result<{
      sites: { id: string }[];
    }>;
    ids = snap.ok ? snap.value.sites.map((s) => s.id) : [];
    const nodes = (await core.dispatch('nodes.list', { query: {} }, { session })) as Result<{
      rows: { hostname: string }[];
    }>;
    if (nodes.ok) ids.push(...nodes.value.rows.map((n) => n.hostname));
  }, 30_000);
  afterAll(() => core?.stop());

  it(
    'no payload the contract lets through makes a handler throw (INTERNAL)',
    async () => {
      // Half the usual runs: every case that passes its schema runs a real handler on a real fleet.
      const session = core.newSession('fuzz');
      session.role = 'admin';
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...CALL_NAMES.filter((n) => !FIRES_REAL_WORK.has(n)))
            .chain((name) => fc.tuple(fc.constant(name), payloadFor(name, ids.length ? ids : ['x']))),
          async ([name, payload]) => {
            // What crosses a real boundary: JSON (the served transport) or a structured clone (IPC).
            let wire: unknown = null;
            try {
              wire = JSON.parse(JSON.stringify(payload ?? null) ?? 'null');
            } catch {
              // a BigInt: no transport carries it
            }
            const r = await core.dispatch(name, wire, { session });
            checkResult(name, r);
            if (!r.ok)
              expect(r.error.code, `${name}: ${r.error.message}\n${logs.slice(-1).join('')}`).not.toBe(
                'INTERNAL',
              );
          },
        ),
        fuzzParams({ timeout: 5000, numRuns: Math.ceil(fuzzRuns() / 2) }),
      );
    },
    fuzzTimeoutMs(),
  );
});

/**
 * Calls that start real work outside the process (SSH sessions and broadcasts to the simulated
 * nodes, a passphrase's key derivation, requests to the URLs of a site profile) or change what the
 * rest of the run sees: covered by the stub dispatcher above and by their own contract tests, not
 * fired at random.
 */
const FIRES_REAL_WORK = new Set<string>([
  'terminal.open',
  'broadcast.start',
  'admin.setPassphrase',
  'session.setRole',
  'sites.remove',
  // a valid random profile names random URLs, which the core would then poll over the network
  'sites.save',
  'sites.test',
  'sites.import',
]);
