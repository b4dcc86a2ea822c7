import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SiteSummary } from '../../../../shared/domain';
import { useAppStore } from '../../store/appStore';
import { countryName } from '../../lib/country';
import { ageMs, formatAge, formatCount, formatKw, formatPct } from '../../lib/format';
import { VIRTUALISE_ABOVE, useVirtualRows } from '../../lib/virtualRows';
import { sortSites, type SiteSortKey } from './sortSites';
import { Metric } from './Metric';
import { StatusBadge } from './StatusBadge';

interface Column {
  key: SiteSortKey;
  label: string;
  numeric?: boolean;
}

/** Per-row Edit and Remove, for the Sites area; the fleet overview lists sites without them. */
export interface SiteRowActions {
  /** Why the buttons are off (role, demo fleet, profiles not loaded), or null when they work. */
  disabledWhy: string | null;
  onEdit: (siteId: string) => void;
  onRemove: (siteId: string) => void;
}

interface SiteListProps {
  actions?: SiteRowActions;
  /** Show a site's status reason beside its status, not only as a tooltip. */
  showReason?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Site' },
  { key: 'country', label: 'Country' },
  { key: 'gpus', label: 'GPUs', numeric: true },
  { key: 'utilPct', label: 'Utilisation', numeric: true },
  { key: 'powerKw', label: 'Power', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'age', label: 'Data age', numeric: true },
];

const SORT_WORDS: Record<SiteSortKey, string> = {
  name: 'site name',
  country: 'country',
  gpus: 'GPU count',
  utilPct: 'utilisation',
  powerKw: 'power',
  status: 'status severity',
  age: 'data age',
};

/** Must match `.site-table tbody tr { height }` in styles.css: windowing relies on fixed rows. */
const ROW_HEIGHT = 26;

/**
 * All sites in a sortable table. Rows open the site panel on click; the site-name button in each row
 * is the keyboard path, so no interactive element is nested in another. Above 150 sites the table
 * scrolls in its own box and renders only the rows in view (with aria-rowcount/aria-rowindex so
 * assistive technology still knows the full size).
 */
export function SiteList({ actions, showReason = false }: SiteListProps = {}) {
  const { sites, sort, latestAt, selectedSiteId, selectSite, sortSitesBy } = useAppStore(
    useShallow((s) => ({
      sites: s.sites,
      sort: s.siteSort,
      latestAt: s.totals?.at ?? null,
      selectedSiteId: s.selectedSiteId,
      selectSite: s.selectSite,
      sortSitesBy: s.sortSitesBy,
    })),
  );
  const sorted = useMemo(() => sortSites(sites, sort), [sites, sort]);
  const virtual = sorted.length > VIRTUALISE_ABOVE;
  const { ref, rows } = useVirtualRows(sorted.length, ROW_HEIGHT, virtual);
  const columnCount = COLUMNS.length + (actions ? 1 : 0);

  return (
    <div className={`table-wrap site-table-wrap${virtual ? ' is-virtual' : ''}`} ref={ref}>
      <table
        className="data-table site-table"
        aria-rowcount={virtual ? sorted.length + 1 : undefined}
        data-testid="site-table"
      >
        <caption className="visually-hidden">
          {`Sites (${sites.length}), sorted by ${SORT_WORDS[sort.key]}, ${sort.dir === 'asc' ? 'ascending' : 'descending'}`}
        </caption>
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => sortSitesBy(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
            {actions && (
              <th scope="col" className="cell-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="table-empty">
                No sites yet — waiting for the fleet snapshot.
              </td>
            </tr>
          ) : (
            <>
              {rows.padTop > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: rows.padTop }} />
              )}
              {sorted.slice(rows.start, rows.end).map((site, i) => (
                <SiteRow
                  key={site.id}
                  site={site}
                  age={ageMs(latestAt, site.lastSuccessAt)}
                  selected={site.id === selectedSiteId}
                  onOpen={selectSite}
                  actions={actions}
                  showReason={showReason}
                  // +2: aria-rowindex is 1-based and the header row is row 1.
                  rowIndex={virtual ? rows.start + i + 2 : undefined}
                />
              ))}
              {rows.padBottom > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: rows.padBottom }} />
              )}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  site: SiteSummary;
  age: number | null;
  selected: boolean;
  onOpen: (siteId: string) => void;
  rowIndex?: number;
  actions?: SiteRowActions;
  showReason: boolean;
}

function sameSite(a: SiteSummary, b: SiteSummary): boolean {
  if (a === b) return true;
  for (const k of Object.keys(a) as (keyof SiteSummary)[]) {
    if (k === 'models') continue;
    if (a[k] !== b[k]) return false;
  }
  return a.models.join('\u0000') === b.models.join('\u0000');
}

/** Sites arrive as new objects every tick; a row re-renders only when what it shows changed. */
const SiteRow = memo(
  function SiteRow({ site, age, selected, onOpen, rowIndex, actions, showReason }: RowProps) {
    return (
      <tr
        aria-rowindex={rowIndex}
        className={`clickable${selected ? ' is-selected' : ''}`}
        data-testid="site-row"
        data-site-id={site.id}
        onClick={() => onOpen(site.id)}
      >
        <th scope="row" className="cell-name">
          <button
            type="button"
            className="link-button"
            onClick={(e) => {
              e.stopPropagation();
              onOpen(site.id);
            }}
          >
            {site.name}
          </button>
        </th>
        <td>{countryName(site.country)}</td>
        <td className="num">
          {formatCount(site.gpus)}
          {site.gpusReporting !== site.gpus && (
            <span className="muted" title="GPUs reporting">{` (${formatCount(site.gpusReporting)})`}</span>
          )}
        </td>
        <td className="num">
          <Metric text={formatPct(site.utilPct)} />
        </td>
        <td className="num">
          <Metric text={formatKw(site.powerKw)} />
        </td>
        <td className={showReason ? 'cell-status-reason' : undefined}>
          <StatusBadge status={site.status} reason={site.statusReason} />
          {showReason && site.statusReason && (
            <span className="status-reason-inline" title={site.statusReason}>
              {site.statusReason}
            </span>
          )}
        </td>
        <td className="num">
          <Metric text={formatAge(age)} title={site.lastSuccessAt === null ? 'never reported' : undefined} />
        </td>
        {actions && <RowActionCell site={site} actions={actions} />}
      </tr>
    );
  },
  (prev, next) =>
    prev.selected === next.selected &&
    prev.age === next.age &&
    prev.rowIndex === next.rowIndex &&
    prev.onOpen === next.onOpen &&
    prev.actions === next.actions &&
    prev.showReason === next.showReason &&
    sameSite(prev.site, next.site),
);

/** Edit and Remove, named after the site; clicks stay here and do not open the site panel. */
function RowActionCell({ site, actions }: { site: SiteSummary; actions: SiteRowActions }) {
  const why = actions.disabledWhy ?? undefined;
  return (
    <td className="cell-actions" onClick={(e) => e.stopPropagation()}>
      <button
        type="button"
        className="row-button"
        aria-label={`Edit ${site.name}`}
        disabled={why !== undefined}
        title={why}
        onClick={() => actions.onEdit(site.id)}
      >
        Edit
      </button>
      <button
        type="button"
        className="row-button"
        aria-label={`Remove ${site.name}`}
        disabled={why !== undefined}
        title={why}
        onClick={() => actions.onRemove(site.id)}
      >
        Remove
      </button>
    </td>
  );
}
