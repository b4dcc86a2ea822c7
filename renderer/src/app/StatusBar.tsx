import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/appStore';
import { formatAge, formatCount, formatKw, formatPct, NO_DATA } from '../lib/format';
import { useNow } from '../lib/useNow';

/** A tick later than this many intervals counts as late. */
const LATE_AFTER_INTERVALS = 3;

/**
 * Fleet totals and connection health, always visible. The region is a polite live region so a lost
 * connection is announced; the numbers that change every tick sit in aria-live="off" spans so they are
 * not read out every second.
 */
export function StatusBar() {
  const t = useAppStore(
    useShallow((s) => ({
      sitesUp: s.totals?.sitesUp ?? null,
      sitesTotal: s.totals?.sitesTotal ?? null,
      gpus: s.totals?.gpus ?? null,
      gpusReporting: s.totals?.gpusReporting ?? null,
      utilPct: s.totals?.utilPct ?? null,
      powerKw: s.totals?.powerKw ?? null,
    })),
  );
  return (
    <footer className="statusbar">
      <div className="statusbar-items" role="status" aria-label="Fleet status">
        <ConnectionHealth />
        <Item label="Sites up" value={ratio(t.sitesUp, t.sitesTotal)} testId="status-sites" />
        <Item label="GPUs reporting" value={ratio(t.gpusReporting, t.gpus)} testId="status-gpus" />
        <Item label="Utilisation" value={formatPct(t.utilPct, 1)} testId="status-util" />
        <Item label="Power" value={formatKw(t.powerKw)} testId="status-power" />
      </div>
    </footer>
  );
}

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null ? NO_DATA : `${formatCount(a)} / ${formatCount(b)}`;

function Item({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <span className="sb-item" data-testid={testId}>
      <span className="sb-label">{label}</span>{' '}
      <span className="sb-value" aria-live="off" title={value === NO_DATA ? 'no data' : undefined}>
        {value}
      </span>
    </span>
  );
}

function ConnectionHealth() {
  const { connection, lastTickAt, intervalMs } = useAppStore(
    useShallow((s) => ({
      connection: s.connection,
      lastTickAt: s.lastTickAt,
      intervalMs: s.appInfo?.intervalMs ?? 1000,
    })),
  );
  const now = useNow(1000);
  const age = lastTickAt === null ? null : Math.max(0, now - lastTickAt);
  const late = age !== null && age > LATE_AFTER_INTERVALS * Math.max(intervalMs, 1000);

  let state: 'connecting' | 'closed' | 'waiting' | 'late' | 'live';
  if (connection === 'connecting') state = 'connecting';
  else if (connection === 'closed') state = 'closed';
  else if (age === null) state = 'waiting';
  else state = late ? 'late' : 'live';

  const words = {
    connecting: 'Connecting…',
    closed: 'Disconnected — retrying',
    waiting: 'Connected — waiting for the first tick',
    late: 'Connected — ticks are late',
    live: 'Live',
  }[state];

  return (
    <span className={`sb-item sb-connection is-${state}`} data-testid="status-connection">
      <span className="sb-dot" aria-hidden="true" />
      <span className="sb-value">{words}</span>
      {age !== null && (
        <span className="sb-label" aria-live="off">
          {` · last tick ${formatAge(age)}`}
        </span>
      )}
    </span>
  );
}
