import { useRef, type KeyboardEvent } from 'react';

export const SECTIONS = [
  { id: 'now', label: 'Now' },
  { id: 'history', label: 'History' },
  { id: 'report', label: 'Report' },
  { id: 'policy', label: 'Policy' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export const tabId = (base: string, s: SectionId) => `${base}-tab-${s}`;
export const panelId = (base: string) => `${base}-panel`;

/**
 * The area's sections as WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move and select.
 * `badges` mark a tab that needs a look ("3 violations": the number shows, the words on hover); they
 * are hidden from the tab's name, which stays the section's label (the Now tiles say the same in full).
 */
export function SectionTabs({
  base,
  value,
  onChange,
  badges,
}: {
  base: string;
  value: SectionId;
  onChange(s: SectionId): void;
  badges?: Partial<Record<SectionId, string>>;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = SECTIONS.findIndex((s) => s.id === value);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % SECTIONS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + SECTIONS.length) % SECTIONS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? SECTIONS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(SECTIONS[next]!.id);
    refs.current[next]?.focus();
  };

  return (
    <div className="sov-tabs" role="tablist" aria-label="Sovereignty sections" onKeyDown={onKeyDown}>
      {SECTIONS.map((s, i) => (
        <button
          key={s.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(base, s.id)}
          aria-selected={s.id === value}
          aria-controls={panelId(base)}
          tabIndex={s.id === value ? 0 : -1}
          className={`sov-tab${s.id === value ? ' is-active' : ''}`}
          data-section={s.id}
          onClick={() => onChange(s.id)}
        >
          {s.label}
          {badges?.[s.id] && (
            <span className="sov-tab-badge" title={badges[s.id]} aria-hidden="true">
              {badges[s.id]!.split(' ')[0]}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
