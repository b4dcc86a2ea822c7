import { LineCounter, parseDocument } from 'yaml';
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
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length)
    return {
      ok: false,
      errors: doc.errors.slice(0, maxErrors).map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return `line ${pos.line}, column ${pos.col}: ${e.message.split('\n')[0]}`;
      }),
    };
  const parsed = schema.safeParse(doc.toJS());
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
