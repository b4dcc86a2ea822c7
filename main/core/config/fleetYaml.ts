import { LineCounter, parseDocument, stringify } from 'yaml';
import { SitesFileSchema, type SiteProfile, type SitesFile } from '../../../shared/siteProfile';

/**
 * The whole fleet as one YAML file, for import and export (issue 3). Errors name the line and the
 * field: a YAML syntax error by its position, a schema error by the line of the offending value.
 */
export function exportFleetYaml(sites: readonly SiteProfile[], now = new Date()): string {
  return (
    `# Fleet Console site profiles, exported ${now.toISOString()}\n` +
    '# Secrets are not included: fields named secret/tokenSecret hold names in the secret store.\n' +
    stringify({ sites }, { lineWidth: 0 })
  );
}

export type FleetYamlResult = { ok: true; value: SitesFile } | { ok: false; errors: string[] };

export function parseFleetYaml(text: string, maxErrors = 20): FleetYamlResult {
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
  const parsed = SitesFileSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, maxErrors).map((issue) => {
      // Walk up the path until a node exists (a missing field is reported at its parent's line).
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
