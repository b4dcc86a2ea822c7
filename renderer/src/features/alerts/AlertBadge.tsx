import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/appStore';
import { badgeCounts, badgeLabel } from './alertBadge';

/**
 * The header's alert count: firing, unsilenced alerts, coloured by the worst; a button to the Alerts
 * area. Its accessible name says it all ("3 firing alerts, 1 critical"); the colour only helps scanning.
 */
export function AlertBadge() {
  const { loaded, firing, critical, warning, info, worst } = useAppStore(
    useShallow((s) => {
      const c = badgeCounts(s.alertList?.alerts ?? [], Math.max(s.totals?.at ?? 0, s.alertList?.at ?? 0));
      return { loaded: s.alertList !== null, ...c };
    }),
  );
  const goToArea = useAppStore((s) => s.goToArea);
  const label = loaded ? badgeLabel({ firing, critical, warning, info, worst }) : 'Alerts not loaded yet';
  return (
    <button
      type="button"
      className={`alert-badge sev-${worst ?? 'none'}`}
      aria-label={label}
      title={label}
      data-testid="alert-badge"
      onClick={() => goToArea('alerts')}
    >
      <span className="alert-badge-mark" aria-hidden="true">
        ▲
      </span>
      <span aria-hidden="true">{loaded ? firing : '—'}</span>
    </button>
  );
}
