import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SustainabilitySummary, WasteRow } from '../../../../shared/sustainability';
import { DEFAULT_WASTE_SORT, nextWasteSort, type WasteSort } from './sortWaste';
import { WasteTable, type WasteKind } from './WasteTable';
import { countOf } from './wasteFormat';

const TABS: readonly { kind: WasteKind; label: string }[] = [
  { kind: 'sites', label: 'Sites' },
  { kind: 'countries', label: 'Countries' },
  { kind: 'tenants', label: 'Tenants' },
  { kind: 'models', label: 'GPU models' },
  { kind: 'nodes', label: 'Nodes' },
];

const rowsOf = (summary: SustainabilitySummary, kind: WasteKind): readonly WasteRow[] => summary[kind];

/** Where the idle energy went, by site, country, tenant, GPU model or node (WAI-ARIA tabs). */
export function Leaderboards({ summary }: { summary: SustainabilitySummary }) {
  const id = useId();
  const [tab, setTab] = useState<WasteKind>('sites');
  const [sort, setSort] = useState<WasteSort>(DEFAULT_WASTE_SORT);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.kind === tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.kind);
    refs.current[next]?.focus();
  };

  const current = TABS.find((t) => t.kind === tab)!;
  // Coverage exists for sites and countries only: elsewhere fall back to the default order.
  const effectiveSort =
    sort.key === 'coverage' && tab !== 'sites' && tab !== 'countries' ? DEFAULT_WASTE_SORT : sort;

  return (
    <section className="sus-panel sus-leaderboards" aria-labelledby={`${id}-title`}>
      <div className="sus-leaderboards-head">
        <h2 className="section-title" id={`${id}-title`}>
          Where the idle energy went
        </h2>
        <div className="sus-tabs" role="tablist" aria-label="Leaderboards" onKeyDown={onKeyDown}>
          {TABS.map((t, i) => (
            <button
              key={t.kind}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t.kind}`}
              aria-selected={t.kind === tab}
              aria-controls={`${id}-panel`}
              tabIndex={t.kind === tab ? 0 : -1}
              className={`sus-tab${t.kind === tab ? ' is-active' : ''}`}
              onClick={() => setTab(t.kind)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
        {tab === 'nodes' && (
          <p className="hint sus-table-note" data-testid="nodes-note">
            Top {Math.min(summary.nodes.length, 100)} of {countOf(summary.nodesTotal, 'node')} with idle
            energy or idle GPUs now.
          </p>
        )}
        <WasteTable
          key={tab}
          kind={tab}
          rows={rowsOf(summary, tab)}
          caption={`Idle energy by ${current.label.toLowerCase()}`}
          sort={effectiveSort}
          onSort={(key) => setSort(nextWasteSort(effectiveSort, key))}
        />
      </div>
    </section>
  );
}
