import { useRef, type KeyboardEvent } from 'react';
import type { TerminalTab } from './terminalSlice';
import { phaseLabel } from './terminalText';

export const tabId = (key: string) => `terminal-tab-${key}`;
export const panelId = (key: string) => `terminal-panel-${key}`;

interface Props {
  tabs: TerminalTab[];
  activeKey: string | null;
  /** Terminals with a prompt waiting for an answer. */
  waiting: ReadonlySet<string>;
  onSelect(key: string): void;
  onClose(key: string): void;
}

/**
 * The terminal tabs (APG tabs, automatic activation: arrows, Home, End; Delete closes). A tablist may
 * own only tabs, so each tab's close button sits outside it, in a second layer of the same grid
 * (subgrid) that puts every close button right after its tab.
 */
export function TerminalTabs({ tabs, activeKey, waiting, onSelect, onClose }: Props) {
  const listRef = useRef<HTMLDivElement>(null);

  const focusTab = (key: string) => {
    onSelect(key);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(key))}`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.key === activeKey);
    if (i < 0) return;
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else if (e.key === 'Delete') {
      e.preventDefault();
      const neighbour = tabs[i + 1] ?? tabs[i - 1];
      onClose(tabs[i]!.key);
      if (neighbour) focusTab(neighbour.key);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    focusTab(tabs[next]!.key);
  };

  return (
    <div className="term-tabstrip" style={{ gridTemplateColumns: `repeat(${tabs.length}, auto auto) 1fr` }}>
      <div role="tablist" aria-label="Terminals" className="term-tablist" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((t, i) => {
          const active = t.key === activeKey;
          const asks = t.terminalId !== null && waiting.has(t.terminalId);
          return (
            <button
              key={t.key}
              type="button"
              role="tab"
              id={tabId(t.key)}
              // Only the active tab has a panel to point at.
              aria-controls={active ? panelId(t.key) : undefined}
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              className={`term-tab${active ? ' is-active' : ''}`}
              data-testid="terminal-tab"
              data-phase={t.phase}
              style={{ gridColumn: 2 * i + 1 }}
              title={`${t.title} — ${asks ? 'waiting for your answer' : phaseLabel(t.phase)}`}
              onClick={() => onSelect(t.key)}
            >
              <span className={`term-dot phase-${asks ? 'asking' : t.phase}`} aria-hidden="true" />
              <span className="term-tab-title">{t.title}</span>
            </button>
          );
        })}
      </div>
      <div className="term-closers">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            type="button"
            className={`term-close${t.key === activeKey ? ' is-active' : ''}`}
            aria-label={`Close terminal ${t.title}`}
            title={`Close terminal ${t.title}`}
            // One tab stop for the strip's close buttons: the active tab's. The others close by mouse,
            // or from the keyboard with Delete on their tab.
            tabIndex={t.key === activeKey ? 0 : -1}
            style={{ gridColumn: 2 * i + 2 }}
            onClick={() => onClose(t.key)}
          >
            ✕
          </button>
        ))}
      </div>
    </div>
  );
}
