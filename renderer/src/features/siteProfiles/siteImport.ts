/** The result of an import, in one sentence: "Imported: 2 added, 1 updated, 0 removed." */
export function importSummary(r: { added: number; updated: number; removed: number }): string {
  return `Imported: ${r.added} added, ${r.updated} updated, ${r.removed} removed.`;
}

/**
 * A refused import's message, "The YAML was not imported: line 4, sites[0].country: …; line 9, …",
 * as its lead sentence and one problem per line. A message of another shape stays whole.
 */
export function splitImportErrors(message: string): { lead: string; problems: string[] } {
  const m = /^(.*?):\s+((?:line \d+|file),.*)$/s.exec(message);
  if (!m) return { lead: message, problems: [] };
  const problems = m[2]!
    .split(/;\s+(?=(?:line \d+|file),\s)/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { lead: `${m[1]}.`, problems };
}

/** Largest file the import reads: the contract takes at most 20 MB of YAML. */
export const MAX_IMPORT_BYTES = 20_000_000;
