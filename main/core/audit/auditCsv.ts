import type { AuditEntry } from '../../../shared/audit';

const COLUMNS = [
  'seq',
  'time',
  'os_user',
  'profile',
  'session',
  'role',
  'action',
  'target',
  'outcome',
  'message',
  'params',
  'prev',
  'hash',
];

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
 * apostrophe (OWASP, "CSV Injection"): site-provided strings end up in these cells.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    [
      String(e.seq),
      e.time,
      e.actor.osUser,
      e.actor.profile,
      e.actor.session,
      e.role,
      e.action,
      e.target ?? '',
      e.outcome,
      e.message ?? '',
      JSON.stringify(e.params),
      e.prev,
      e.hash,
    ]
      .map(csvCell)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
