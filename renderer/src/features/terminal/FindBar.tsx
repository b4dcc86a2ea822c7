import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTerminalController } from './terminalContext';
import { matchText } from './terminalText';
import { SEARCH_OPTIONS } from './xtermTheme';

/**
 * Find in the terminal's scrollback (xterm's search addon): Enter finds the next match, Shift+Enter
 * the previous, Escape closes and hands focus back to the terminal.
 */
export function FindBar({
  tabKey,
  focusSeq,
  onClose,
}: {
  tabKey: string;
  /** Changes each time the find bar is asked for again: the input takes the focus. */
  focusSeq: number;
  onClose: () => void;
}) {
  const controller = useTerminalController();
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [results, setResults] = useState({ index: -1, count: 0 });
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const search = controller.search(tabKey);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusSeq]);

  useEffect(() => {
    if (!search) return undefined;
    const sub = search.onDidChangeResults((r) => setResults({ index: r.resultIndex, count: r.resultCount }));
    return () => {
      sub.dispose();
      search.clearDecorations();
    };
  }, [search]);

  const find = (dir: 'next' | 'previous', q = query, cs = caseSensitive, incremental = false) => {
    if (!search) return;
    if (q === '') {
      search.clearDecorations();
      setResults({ index: -1, count: 0 });
      return;
    }
    const opts = { ...SEARCH_OPTIONS, caseSensitive: cs, incremental };
    if (dir === 'next') search.findNext(q, opts);
    else search.findPrevious(q, opts);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      find(e.shiftKey ? 'previous' : 'next');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="term-find" role="search" aria-label="Find in terminal">
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Find in terminal
      </label>
      <input
        ref={inputRef}
        id={`${id}-q`}
        type="search"
        className="mono"
        placeholder="Find"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          find('next', e.target.value, caseSensitive, true);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={caseSensitive}
          onChange={(e) => {
            setCaseSensitive(e.target.checked);
            find('next', query, e.target.checked, true);
          }}
        />
        Match case
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        onClick={() => find('previous')}
      >
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" onClick={() => find('next')}>
        ↓
      </button>
      <span className="term-find-count" role="status">
        {matchText(query, results.index, results.count)}
      </span>
      <button type="button" className="icon-button" aria-label="Close find bar" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
