import type { AuditEntry } from '../../../../shared/audit';
import { OUTCOME_WORDS } from './auditFormat';

/** ok / denied / failed as a small badge; the word carries the meaning, the colour only helps scanning. */
export function OutcomeBadge({ outcome }: { outcome: AuditEntry['outcome'] }) {
  return <span className={`outcome outcome-${outcome}`}>{OUTCOME_WORDS[outcome]}</span>;
}
