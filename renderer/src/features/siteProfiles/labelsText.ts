/** Site labels as the form's one-line text field writes them. Pure. */

/** {env: "prod", tier: "1"} → "env=prod, tier=1". */
export function formatLabels(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/**
 * "env=prod, tier=1" → {env: "prod", tier: "1"}; blank → undefined. A value runs to the next comma, so
 * a value cannot hold one (labels name things; YAML import is the way for anything stranger).
 */
export function parseLabels(text: string): { labels?: Record<string, string>; problem?: string } {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return {};
  const labels: Record<string, string> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    if (eq < 0 || key === '') return { problem: `Write each label as key=value (not "${part}").` };
    if (key in labels) return { problem: `The label "${key}" is given twice.` };
    labels[key] = part.slice(eq + 1).trim();
  }
  return { labels };
}
