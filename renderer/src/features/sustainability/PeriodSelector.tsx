import { useRef, type KeyboardEvent } from 'react';
import { PERIODS, type Period } from '../../../../shared/sustainability';
import { PERIOD_LABELS } from './wasteFormat';

/**
 * Segmented buttons as a radio group named "Period" (WAI-ARIA radio group pattern): one tab stop,
 * arrow keys move and select.
 */
export function PeriodSelector({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    const delta =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0;
    const index =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? PERIODS.length - 1
          : delta
            ? (PERIODS.indexOf(value) + delta + PERIODS.length) % PERIODS.length
            : -1;
    if (index < 0) return;
    e.preventDefault();
    onChange(PERIODS[index]!);
    refs.current[index]?.focus();
  };

  return (
    <div className="sus-segmented" role="radiogroup" aria-label="Period" onKeyDown={onKeyDown}>
      {PERIODS.map((p, i) => (
        <button
          key={p}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={p === value}
          tabIndex={p === value ? 0 : -1}
          className={`sus-segment${p === value ? ' is-active' : ''}`}
          data-period={p}
          onClick={() => onChange(p)}
        >
          {PERIOD_LABELS[p]}
        </button>
      ))}
    </div>
  );
}
