import { useMemo, useState } from 'react';
import { formatCount } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { AuditExport } from './AuditExport';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerdictLine, VerifyButton, useVerify } from './AuditVerify';
import { countOf } from './auditFormat';
import {
  EMPTY_FILTER_FORM,
  FILTER_DEBOUNCE_MS,
  isFilterEmpty,
  rangeProblem,
  toAuditFilter,
} from './auditFilter';
import { AUDIT_PAGE_SIZE, useAuditLog } from './useAuditLog';

/**
 * The audit log (issue 9): who did what, as whom, with what outcome — newest first, filtered, live, with
 * a chain check and exports.
 */
export function AuditPage() {
  const [form, setForm] = useState(EMPTY_FILTER_FORM);
  const applied = useDebouncedValue(form, FILTER_DEBOUNCE_MS);
  const filter = useMemo(() => toAuditFilter(applied), [applied]);
  const log = useAuditLog(filter);
  const verify = useVerify();
  const filtered = !isFilterEmpty(filter);

  const emptyText = log.loading
    ? 'Loading the audit log…'
    : log.error
      ? 'The audit log could not be loaded.'
      : filtered
        ? 'No entries match these filters.'
        : 'The audit log is empty.';

  return (
    <div className="page audit-page">
      <div className="audit-head">
        <h1 className="page-title">Audit</h1>
        <AuditExport filter={filter}>
          <VerifyButton running={verify.state.kind === 'running'} onClick={verify.run} />
        </AuditExport>
      </div>
      <VerdictLine state={verify.state} />

      <AuditFilters form={form} onChange={setForm} problem={rangeProblem(filter)} />

      {log.error && (
        <p className="inline-notice" role="alert">
          Could not load the audit log: {log.error.message}
        </p>
      )}

      <p className="audit-count" data-testid="audit-count">
        {log.loading && log.entries.length === 0
          ? 'Loading…'
          : `${countOf(log.entries.length, filtered ? 'matching entry' : 'entry', filtered ? 'matching entries' : 'entries')} shown, newest first`}
        {log.total !== null && <span className="muted">{` · ${formatCount(log.total)} in the log`}</span>}
      </p>

      <AuditTable
        entries={log.entries}
        emptyText={emptyText}
        caption={`Audit log entries, newest first${filtered ? ', filtered' : ''}`}
      />

      <div className="audit-more">
        {log.hasMore ? (
          <button
            type="button"
            className="button"
            onClick={log.loadOlder}
            aria-disabled={log.loadingOlder || undefined}
          >
            Load older
          </button>
        ) : (
          !log.loading &&
          log.entries.length > 0 && (
            <span className="muted">
              {filtered ? 'No older entries match.' : 'That is the oldest entry the console holds.'}
            </span>
          )
        )}
        {log.loadingOlder && <span className="muted">{`Loading ${AUDIT_PAGE_SIZE} more…`}</span>}
      </div>
    </div>
  );
}
