import {
  isAlias,
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  Parser,
  visit,
  type CST,
  type Document,
} from 'yaml';
import type { z } from 'zod';

export type YamlResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * YAML checked against a schema, with errors a person can find in the file: a syntax error by line
 * and column, a schema error by the line of the offending value (or its parent, for a missing
 * field) and the field's path.
 */
export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  text: string,
  maxErrors = 20,
): YamlResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const line = text.slice(0, deep).split('\n').length;
    return { ok: false, errors: [`line ${line}: collections nest more than ${MAX_NESTING} deep`] };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length)
    return {
      ok: false,
      errors: doc.errors.slice(0, maxErrors).map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return `line ${pos.line}, column ${pos.col}: ${e.message.split('\n')[0]}`;
      }),
    };
  const refused = protoKeys(doc, lineCounter, maxErrors);
  if (refused.length) return { ok: false, errors: refused };
  let js: unknown;
  try {
    js = doc.toJS();
  } catch (e) {
    // toJS throws on an alias it cannot resolve and on an alias bomb ("billion laughs").
    return { ok: false, errors: [`${aliasLine(doc, lineCounter)}: ${(e as Error).message}`] };
  }
  const parsed = schema.safeParse(js);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, maxErrors).map((issue) => {
      let node: unknown;
      for (let k = issue.path.length; k >= 0 && !node; k--)
        node = doc.getIn(issue.path.slice(0, k) as (string | number)[], true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      const where = range ? `line ${lineCounter.linePos(range[0]).line}` : 'file';
      const field = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
      return `${where}, ${field || '(root)'}: ${issue.message}`;
    }),
  };
}

/**
 * `__proto__` keys, refused by line: zod drops such a key from a record without a word (assigning it
 * would replace the object's prototype), so a label or group of that name would silently vanish.
 */
function protoKeys(doc: Document, lines: LineCounter, max: number): string[] {
  const out: string[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (out.length < max && isScalar(pair.key) && pair.key.value === '__proto__' && pair.key.range) {
        const pos = lines.linePos(pair.key.range[0]);
        out.push(`line ${pos.line}, column ${pos.col}: "__proto__" cannot be a key`);
      }
    },
  });
  return out;
}

/** Where toJS gave up on aliases: the first alias of an anchor not yet set, else the first alias. */
function aliasLine(doc: Document, lines: LineCounter): string {
  const anchors = new Set<string>();
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      const at = node.range?.[0];
      first ??= at;
      if (!anchors.has(node.source)) unresolved ??= at;
    } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
  });
  const at = unresolved ?? first;
  return at === undefined ? 'file' : `line ${lines.linePos(at).line}`;
}

/** Deeper than any config file nests. */
const MAX_NESTING = 64;

/**
 * Where a collection nests deeper than MAX_NESTING, or -1. Checked on the token tree (built without
 * recursion) before the document is composed: the composer recurses once per level and relies on
 * catching the stack overflow, and V8 can abort the whole process (a fatal "RegExpCompiler Allocation
 * failed") when a regular expression is compiled that close to the stack's end.
 */
function tooDeepAt(text: string): number {
  const todo: [CST.Token | null | undefined, number][] = [];
  for (const token of new Parser().parse(text)) todo.push([token, 0]);
  while (todo.length) {
    const [t, depth] = todo.pop()!;
    if (!t) continue;
    if (t.type === 'document') todo.push([t.value, depth]);
    else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (depth >= MAX_NESTING) return t.offset;
      for (const item of t.items) todo.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return -1;
}
