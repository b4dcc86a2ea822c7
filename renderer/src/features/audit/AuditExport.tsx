import { useState, type ReactNode } from 'react';
import type { AuditFilter } from '../../../../shared/audit';
import { ROLE_LABELS } from '../../../../shared/roles';
import { useClient } from '../../app/clientContext';
import { saveTextFile } from '../../lib/saveTextFile';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { countOf } from './auditFormat';
import { isFilterEmpty } from './auditFilter';

type Format = 'jsonl' | 'csv';
type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; format: Format }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/**
 * "Export JSONL" / "Export CSV" of the entries the current filter matches (the whole log, not only the
 * pages loaded). Disabled, with the reason, for a role without 'audit.export'. `children` (the page's
 * other log tools) sit first in the same button row.
 */
export function AuditExport({ filter, children }: { filter: AuditFilter; children?: ReactNode }) {
  const client = useClient();
  const role = useAppStore((s) => s.session?.role ?? null);
  const allowed = useAppStore((s) => sessionCan(s.session, 'audit.export'));
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const running = state.kind === 'running';

  const why = allowed
    ? undefined
    : role === null
      ? 'Waiting for this window’s role.'
      : `${ROLE_LABELS[role]} may not export the audit log.`;

  const run = (format: Format) => {
    if (running || !allowed) return;
    setState({ kind: 'running', format });
    void client.call('audit.export', { format, filter }).then((r) => {
      if (!r.ok) {
        setState({ kind: 'error', text: `Could not export: ${r.error.message}` });
        return;
      }
      try {
        saveTextFile(r.value.fileName, r.value.mimeType, r.value.content);
      } catch (e) {
        setState({ kind: 'error', text: `Could not hand the file to the browser: ${String(e)}` });
        return;
      }
      const scope = isFilterEmpty(filter) ? 'the whole log' : 'the filtered log';
      setState({
        kind: 'done',
        text: `Exported ${countOf(r.value.entries, 'entry', 'entries')} of ${scope} as ${r.value.fileName}.`,
      });
    });
  };

  return (
    <div className="audit-export">
      <div className="button-row">
        {children}
        {(['jsonl', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={!allowed}
            title={why}
            aria-disabled={running || undefined}
            onClick={() => run(format)}
          >
            {format === 'jsonl' ? 'Export JSONL' : 'Export CSV'}
          </button>
        ))}
      </div>
      <p className="hint">
        Only an unfiltered JSONL export verifies as a chain (<code>npm run audit:verify -- FILE</code>).
      </p>
      {why && <p className="hint">{why}</p>}
      <p className={`export-status${state.kind === 'error' ? ' is-error' : ''}`} role="status">
        {state.kind === 'running'
          ? `Exporting ${state.format.toUpperCase()}…`
          : state.kind === 'idle'
            ? ''
            : state.text}
      </p>
    </div>
  );
}
