import { formatStatus } from '../../lib/format';

/** A status word with a coloured dot; the word carries the meaning, the colour only helps scanning. */
export function StatusBadge({ status, reason }: { status: string; reason?: string | null }) {
  return (
    <span className={`status status-${status}`} title={reason ?? undefined}>
      <span className="status-dot" aria-hidden="true" />
      {formatStatus(status)}
    </span>
  );
}
