import { ok } from '../../../shared/result';
import { auditCsv } from '../audit/auditCsv';
import type { AuditLog } from '../audit/auditLog';
import type { Handlers } from './dispatcher';

type AuditHandlers = Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.export'>;

export function auditHandlers(audit: AuditLog): AuditHandlers {
  return {
    'audit.list': ({ filter, limit, beforeSeq }) =>
      ok({ entries: audit.list(filter, limit, beforeSeq), total: audit.size }),
    'audit.verify': async () => ok(await audit.verify()),
    'audit.export': async ({ format, filter }, { session }) => {
      // The whole log from disk, oldest first, so a JSONL export reads (and verifies) like the log itself.
      const entries = await audit.readAll(filter);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await audit.append({
        actor: session.actor,
        role: session.role,
        action: 'audit.export',
        params: { format, filter, entries: entries.length },
        outcome: 'ok',
      });
      return ok(
        format === 'csv'
          ? {
              fileName: `fleet-audit-${stamp}.csv`,
              mimeType: 'text/csv',
              content: auditCsv(entries),
              entries: entries.length,
            }
          : {
              fileName: `fleet-audit-${stamp}.jsonl`,
              mimeType: 'application/x-ndjson',
              content: entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''),
              entries: entries.length,
            },
      );
    },
  };
}
