import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { moveActive, rankActions } from './matchActions';
import type { PaletteAction, PaletteEnv } from './paletteAction';
import { isPaletteShortcut, PALETTE_OPEN_EVENT } from './paletteOpen';
import { paletteActions } from './registry';
import { useNodeMatches } from './useNodeMatches';

/**
 * The command palette: Ctrl/Cmd+K anywhere (except inside a terminal) opens a modal list of actions
 * (palette/actions/*) filtered as you type; ArrowUp/Down and Enter pick, Escape closes, and the focus
 * returns where it was. Typing part of a hostname also offers that node's page, shell and drain.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isPaletteShortcut(e)) return;
      if (e.target instanceof Element && e.target.closest('.xterm')) return;
      e.preventDefault();
      setOpen((o) => !o);
    };
    const onOpen = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(PALETTE_OPEN_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(PALETTE_OPEN_EVENT, onOpen);
    };
  }, []);
  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // What the enabled predicates read; subscribing re-renders the list when any of them changes.
  const { sites } = useAppStore(
    useShallow((s) => ({ session: s.session, sites: s.sites, alertList: s.alertList })),
  );
  const nodes = useNodeMatches(query, true);
  const siteRefs = useMemo(() => sites.map((s) => ({ id: s.id, name: s.name, country: s.country })), [sites]);
  // Ranking a hundred-odd actions is cheap: done on every render, with the store as it is now.
  const env: PaletteEnv = { state: useAppStore.getState(), client };
  const options = rankActions(paletteActions(siteRefs, nodes), query, (a) => a.enabled(env));
  const current = options.length === 0 ? -1 : Math.min(active, options.length - 1);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector('input')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const run = (a: PaletteAction | undefined) => {
    if (!a || !a.enabled(env)) return;
    onClose();
    // After the dialog is gone and the focus is back, so an action that opens a dialog of its own keeps it.
    setTimeout(() => a.perform({ state: useAppStore.getState(), client }), 0);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(moveActive(current, e.key === 'ArrowDown' ? 1 : -1, options.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(options[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const optionId = (i: number) => `${id}-opt-${i}`;

  return (
    <dialog
      ref={ref}
      className="modal palette"
      aria-label="Commands"
      data-testid="command-palette"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // a click on the backdrop
      }}
    >
      <div className="palette-body">
        <input
          className="palette-input"
          type="text"
          role="combobox"
          aria-label="Command palette"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          placeholder="Go to an area, a site or a node (type a hostname)…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="palette-list" role="listbox" id={`${id}-list`} aria-label="Actions" ref={listRef}>
          {options.map((a, i) => {
            const enabled = a.enabled(env);
            return (
              <li
                key={a.name}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                aria-disabled={!enabled || undefined}
                className={`palette-option${i === current ? ' is-active' : ''}${enabled ? '' : ' is-disabled'}`}
                title={enabled ? undefined : a.disabledText}
                data-action={a.name}
                onMouseMove={() => i !== current && setActive(i)}
                onClick={() => run(a)}
              >
                <span className="palette-label">{a.label}</span>
                <span className="palette-group">
                  {enabled ? a.group : (a.disabledText ?? 'not available')}
                </span>
              </li>
            );
          })}
          {options.length === 0 && (
            <li className="palette-empty" role="presentation">
              Nothing matches. Type part of a hostname, a site or an area.
            </li>
          )}
        </ul>
        <p className="palette-hint hint">↑ ↓ to choose · Enter to run · Esc to close</p>
      </div>
    </dialog>
  );
}
