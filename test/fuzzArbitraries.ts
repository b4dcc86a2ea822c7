import fc from 'fast-check';

/**
 * Building blocks for the property-based tests of every parser that reads outside input
 * (`*.fuzz.test.ts`): hostile tokens, huge and deeply nested inputs, prototype-pollution keys, and
 * mutations of real, valid inputs, so the properties see both noise and almost-right input.
 */

/** Tokens that have broken parsers somewhere: separators, escapes, bidi and invisible characters, lone
 * surrogates, prototype keys, number spellings JavaScript reads but formats do not, sentinels. */
export const NASTY_TOKENS: readonly string[] = [
  '',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\0',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u202e', // right-to-left override
  '\u202d',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200f',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u3000',
  '\ud800', // lone surrogates
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  'İ',
  'ß',
  'ﬃ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'NaN',
  '-NaN',
  'Inf',
  '+Inf',
  '-Inf',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '1e-400',
  '-0',
  '0x1F',
  '0b1',
  '0o7',
  '1_000',
  '9007199254740993',
  '18446744073709551615',
  '99999999999999999999',
  '9'.repeat(400),
  '-1',
  '1.5',
  '.5',
  '5.',
  '1e',
  'e1',
  '+',
  '-',
  '"',
  "'",
  '\\',
  '\\n',
  '\\"',
  '\\u0000',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  '=',
  ':',
  ';',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '$',
  '?',
  '~',
  'null',
  '(null)',
  'N/A',
  'None',
  'true',
  'false',
  'undefined',
];

export const nastyToken: fc.Arbitrary<string> = fc.constantFrom(...NASTY_TOKENS);

/** Any code points, lone surrogates included. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 60 }),
);

/** A string of about `min`..`max` characters: a short random or hostile chunk repeated (up to 100 KB). */
export function bigText(min = 10_000, max = 100_000): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.oneof(
        nastyToken.filter((t) => t.length > 0),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
      ),
      fc.integer({ min, max }),
    )
    .map(([chunk, n]) => chunk.repeat(Math.ceil(n / chunk.length)).slice(0, n));
}

/** Text assembled from a format's own vocabulary, hostile tokens and random strings. */
export function textFrom(vocabulary: readonly string[], maxParts = 40): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
        { weight: 3, arbitrary: nastyToken },
        { weight: 1, arbitrary: anyText },
      ),
      { maxLength: maxParts },
    )
    .map((parts) => parts.join(''));
}

/** Every flavour of text input: noise, vocabulary soup, 100 KB strings, a hostile token alone. */
export function hostileText(
  vocabulary: readonly string[],
  /** Share of 10–100 KB inputs, in 1/1000s: lower it for a parser that takes a while per megabyte. */
  bigPerMille = 100,
): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3 * (1000 - bigPerMille), arbitrary: textFrom(vocabulary) },
    { weight: 2 * (1000 - bigPerMille), arbitrary: anyText },
    { weight: 1000 - bigPerMille, arbitrary: nastyToken },
    { weight: 6 * bigPerMille, arbitrary: bigText() },
  );
}

/** Numbers at the edges: NaN, ±Infinity, -0, beyond 2^53, the int64 and DCGM sentinels. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER,
    1e308,
    2 ** 63,
    2 ** 31,
    2 ** 32,
    0x7ffffff0,
    140737488355328,
    -1,
    0.5,
    -0,
  ),
);

/** A value `depth` levels deep, alternating arrays and objects (built without recursion). */
export function deepValue(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** JSON text nested about `depth` levels deep (as text: JSON.stringify itself would overflow the stack). */
export function deepJsonText(depth: number): string {
  const pairs = Math.ceil(depth / 2);
  return `${'{"a":['.repeat(pairs)}0${']}'.repeat(pairs)}`;
}

/** An object whose own keys are the prototype-pollution ones, as JSON.parse would build it. */
export function protoKeyed(value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of ['__proto__', 'constructor', 'prototype'])
    Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

/** JSON-ish values that schemas must refuse cleanly: edges, deep nesting, prototype keys, big strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 3, arbitrary: fc.oneof(nastyToken, anyText) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 1000 }).map(deepValue) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(protoKeyed) },
  { weight: 1, arbitrary: bigText(10_000, 100_000) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
);

/** Keys for inserted fields: prototype keys, hostile tokens, near-misses of real ones. */
export function keyFrom(realKeys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype'),
    nastyToken,
    realKeys.length ? fc.constantFrom(...realKeys) : nastyToken,
    anyText,
  );
}

export type Path = (string | number)[];

function pathsOf(v: unknown, at: Path = [], out: Path[] = [], limit = 4000): Path[] {
  if (out.length >= limit) return out;
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out, limit));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) pathsOf(x, [...at, k], out, limit);
  return out;
}

function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out.add(k);
      keysOf(x, out);
    }
  return out;
}

const setOwn = (o: Record<string | number, unknown>, k: string | number, value: unknown) =>
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });

type Mutation = { path: Path; op: 'replace' | 'delete' | 'add' | 'wrap'; value: unknown; key: string };

/** A private copy: arbitraries may hand out one instance ({} or []) to many runs, which must not share it. */
function fresh(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}

function applyMutation(root: unknown, mutation: Mutation): unknown {
  const m = { ...mutation, value: fresh(mutation.value) };
  if (m.path.length === 0) return m.op === 'wrap' ? [root] : m.op === 'replace' ? m.value : root;
  let parent = root as Record<string | number, unknown>;
  for (const p of m.path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = m.path[m.path.length - 1]!;
  if (m.op === 'replace') setOwn(parent, last, m.value);
  else if (m.op === 'wrap') setOwn(parent, last, [parent[last]]);
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target))
      setOwn(target as Record<string, unknown>, m.key, m.value);
    else if (Array.isArray(target)) target.push(m.value);
  }
  return root;
}

/**
 * A valid value with one to three fields replaced, deleted, wrapped in an array, or joined by a
 * hostile key: input that is almost right, which is where parsers go wrong.
 */
export function mutatedJson(
  base: unknown,
  values: fc.Arbitrary<unknown> = hostileValue,
  /** Limits the mutations to some paths, e.g. the fields a reader actually uses. */
  where: (path: Path) => boolean = () => true,
): fc.Arbitrary<unknown> {
  const paths = pathsOf(base).filter(where);
  if (paths.length === 0) throw new Error('mutatedJson: no path to mutate');
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    path: fc.constantFrom(...paths),
    op: fc.constantFrom('replace', 'replace', 'delete', 'add', 'wrap'),
    value: values,
    key: keyFrom([...keysOf(base)]),
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => {
    let v = structuredClone(base);
    for (const m of ms) {
      try {
        v = applyMutation(v, m);
      } catch {
        // an earlier mutation removed this path: skip it
      }
    }
    return v;
  });
}

/** Text damaged at one place: cut short, a hostile token inserted, a slice removed or duplicated. */
export function corruptedText(text: string): fc.Arbitrary<string> {
  const at = fc.nat(text.length);
  return fc.oneof(
    at.map((i) => text.slice(0, i)),
    fc.tuple(at, fc.oneof(nastyToken, anyText)).map(([i, t]) => text.slice(0, i) + t + text.slice(i)),
    fc.tuple(at, at).map(([a, b]) => text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b))),
    fc.tuple(at, at).map(([a, b]) => text.slice(0, Math.max(a, b)) + text.slice(Math.min(a, b))),
  );
}

/** JSON text of a mutated value, sometimes further damaged as text (duplicate keys, truncation). */
export function mutatedJsonText(base: unknown): fc.Arbitrary<string> {
  const json = mutatedJson(base).map((v) => JSON.stringify(v) ?? 'undefined');
  return fc.oneof(
    { weight: 4, arbitrary: json },
    { weight: 1, arbitrary: json.chain(corruptedText) },
    {
      weight: 1,
      arbitrary: json.map((t) => t.replace('{', '{"__proto__":{"polluted":1},"dup":1,"dup":2,')),
    },
  );
}

/** True when Object.prototype or Array.prototype gained a property: a `__proto__` key got through. */
export function prototypePolluted(): boolean {
  return Object.keys(Object.prototype).length > 0 || Object.keys(Array.prototype).length > 0;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- zod's internal definitions are untyped here */
/**
 * Values a zod schema accepts (mostly), read from its definition: what a well-behaved client would
 * send, so a property reaches the handlers behind the schema and not only its refusals. `pool` feeds
 * plain strings (real site ids and host names make lookups hit).
 */
export function fromZod(schema: unknown, pool: readonly string[] = []): fc.Arbitrary<unknown> {
  const def = (schema as any)?._zod?.def;
  if (!def) return fc.constant(undefined);
  const checks: any[] = (def.checks ?? []).map((c: any) => c._zod.def);
  const find = (name: string) => checks.find((c) => c.check === name);
  const inner = () => fromZod(def.innerType, pool);
  switch (def.type) {
    case 'string': {
      const min = find('min_length')?.minimum ?? find('length_equals')?.length ?? 0;
      const max: number = find('max_length')?.maximum ?? find('length_equals')?.length ?? Infinity;
      const fits = (s: string) => s.length >= min && s.length <= max;
      const regex = find('string_format')?.pattern ?? (def.format === 'regex' ? def.pattern : undefined);
      if (regex instanceof RegExp) {
        try {
          return fc.stringMatching(regex).filter(fits);
        } catch {
          // a pattern fast-check cannot generate from: fall through to plain strings
        }
      }
      if (def.format === 'url') return fc.webUrl({ validSchemes: ['http', 'https'] });
      const fromPool = pool.filter(fits);
      const plain = fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 24)) }).filter(fits);
      return fromPool.length ? fc.oneof(fc.constantFrom(...fromPool), plain) : plain;
    }
    case 'number': {
      const gt = find('greater_than');
      const lt = find('less_than');
      const min = gt ? gt.value + (gt.inclusive ? 0 : 1e-9) : -1e6;
      const max = lt ? lt.value - (lt.inclusive ? 0 : 1e-9) : 1e6;
      if (checks.some((c) => c.check === 'number_format'))
        return fc.integer({
          min: Math.ceil(Math.max(min, -(2 ** 31))),
          max: Math.floor(Math.min(max, 2 ** 31)),
        });
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner(), { nil: undefined });
    case 'nullable':
      return fc.option(inner(), { nil: null });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner();
    case 'pipe':
      return fromZod(def.in, pool);
    case 'array': {
      const min = find('min_length')?.minimum ?? 0;
      return fc.array(fromZod(def.element, pool), { minLength: min, maxLength: Math.max(min, 3) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((s) => fromZod(s, pool)));
    case 'object':
      return fc.record(
        Object.fromEntries(
          Object.entries(def.shape as Record<string, unknown>).map(([k, s]) => [k, fromZod(s, pool)]),
        ),
      );
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((s) => fromZod(s, pool)));
    case 'record':
      return fc
        .dictionary(fromZod(def.keyType, pool).map(String), fromZod(def.valueType, pool), { maxKeys: 3 })
        .map((d) => ({ ...d }));
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */
