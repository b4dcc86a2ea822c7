import { useMemo, type ReactNode } from 'react';
import type { SiteWasteRow, WasteRow } from '../../../../shared/sustainability';
import { countryName } from '../../lib/country';
import { VIRTUALISE_ABOVE, useVirtualRows } from '../../lib/virtualRows';
import { sortWasteRows, type WasteSort, type WasteSortKey } from './sortWaste';
import {
  COVERAGE_WARN_BELOW,
  formatCarbonIntensity,
  formatKwh,
  formatMoneyList,
  formatPue,
  formatQuantity,
  formatShare,
  formatTariff,
} from './wasteFormat';

export type WasteKind = 'sites' | 'countries' | 'tenants' | 'models' | 'nodes';

export const KIND_NAME: Record<WasteKind, string> = {
  sites: 'Site',
  countries: 'Country',
  tenants: 'Tenant',
  models: 'GPU model',
  nodes: 'Node',
};

interface Column {
  key: WasteSortKey;
  label: string;
  numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'idleKwNow', label: 'Idle kW now', numeric: true },
  { key: 'idleItKwh', label: 'Idle kWh (IT)', numeric: true },
  { key: 'idleFacilityKwh', label: 'Facility kWh', numeric: true },
  { key: 'kgCO2', label: 'kg CO2e', numeric: true },
  { key: 'money', label: 'Cost', numeric: true },
  { key: 'idleShare', label: 'Idle share', numeric: true },
  { key: 'coverage', label: 'Coverage', numeric: true },
];

const SITE_COLUMNS = ['PUE', 'Tariff', 'Grid intensity'] as const;
const ROW_HEIGHT = 26;

const hasCoverage = (kind: WasteKind) => kind === 'sites' || kind === 'countries';

interface Props {
  kind: WasteKind;
  rows: readonly WasteRow[];
  caption: string;
  /** Without these the table is static (the printed report): no sort buttons, every row rendered. */
  sort?: WasteSort;
  onSort?: (key: WasteSortKey) => void;
}

/** One leaderboard (sites, countries, tenants, GPU models or nodes) as a sortable table. */
export function WasteTable({ kind, rows, caption, sort, onSort }: Props) {
  const columns = useMemo(
    () => [
      { key: 'label' as const, label: KIND_NAME[kind], numeric: false },
      ...COLUMNS.filter((c) => c.key !== 'coverage' || hasCoverage(kind)),
    ],
    [kind],
  );
  const sorted = useMemo(() => (sort ? sortWasteRows(rows, sort) : rows), [rows, sort]);
  const interactive = sort !== undefined && onSort !== undefined;
  const virtual = interactive && sorted.length > VIRTUALISE_ABOVE;
  const { ref, rows: win } = useVirtualRows(sorted.length, ROW_HEIGHT, virtual);
  const columnCount = columns.length + (kind === 'sites' ? SITE_COLUMNS.length : 0);

  return (
    <div className={`table-wrap sus-table-wrap${virtual ? ' is-virtual' : ''}`} ref={ref}>
      <table
        className="data-table sus-table"
        data-testid={`waste-table-${kind}`}
        aria-rowcount={virtual ? sorted.length + 1 : undefined}
      >
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const cls = c.numeric ? 'num' : undefined;
              if (!interactive)
                return (
                  <th key={c.key} scope="col" className={cls}>
                    {c.label}
                  </th>
                );
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={cls}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
            {kind === 'sites' &&
              SITE_COLUMNS.map((l) => (
                <th key={l} scope="col" className={l === 'PUE' ? 'num' : undefined}>
                  {l}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="table-empty">
                Nothing booked in this period yet.
              </td>
            </tr>
          ) : (
            <>
              {win.padTop > 0 && <tr className="spacer" aria-hidden="true" style={{ height: win.padTop }} />}
              {sorted.slice(win.start, win.end).map((row, i) => (
                <WasteTableRow
                  key={row.key}
                  kind={kind}
                  row={row}
                  rowIndex={virtual ? win.start + i + 2 : undefined}
                />
              ))}
              {win.padBottom > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: win.padBottom }} />
              )}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** "—" (or words) with what it means, never a zero (STYLE.md rule 9). */
const NoData = ({ text = '—', why }: { text?: string; why: string }) => (
  <span className="nodata" title={why}>
    {text}
  </span>
);

function NameCell({ kind, row }: { kind: WasteKind; row: WasteRow }) {
  if (kind === 'countries')
    return (
      <th scope="row">
        {countryName(row.key)} <span className="muted">{row.key}</span>
      </th>
    );
  if (kind === 'nodes') {
    const site = row.key.slice(0, Math.max(0, row.key.length - row.label.length - 1));
    return (
      <th scope="row" className="cell-host">
        {row.label} {site && <span className="muted">{site}</span>}
      </th>
    );
  }
  return (
    <th scope="row" title={kind === 'sites' ? row.key : undefined}>
      {row.label}
    </th>
  );
}

function WasteTableRow({ kind, row, rowIndex }: { kind: WasteKind; row: WasteRow; rowIndex?: number }) {
  const site = kind === 'sites' ? (row as SiteWasteRow) : null;
  const warn = row.coverage !== null && row.coverage < COVERAGE_WARN_BELOW;
  const attrs = site
    ? {
        'data-testid': 'site-row',
        'data-site-id': site.key,
        'data-observed-from': site.observedFrom ?? '',
        'data-observed-to': site.observedTo ?? '',
        'data-idle-kwh': site.idleItKwh,
      }
    : { 'data-testid': 'waste-row', 'data-key': row.key, 'data-idle-kwh': row.idleItKwh };

  let money: ReactNode;
  if (row.money.length > 0) {
    money = formatMoneyList(row.money);
    if (row.kwhWithoutTariff > 0)
      money = (
        <span title={`+ ${formatKwh(row.kwhWithoutTariff)} at sites without a tariff, not priced`}>
          {money} +
        </span>
      );
  } else
    money =
      row.kwhWithoutTariff > 0 ? (
        <NoData text="no tariff" why={`${formatKwh(row.kwhWithoutTariff)} at sites without a tariff`} />
      ) : (
        <NoData why="no idle energy priced in this period" />
      );

  return (
    <tr aria-rowindex={rowIndex} {...attrs}>
      <NameCell kind={kind} row={row} />
      <td className="num">
        {row.idleKwNow === null ? <NoData why="no fresh reading" /> : formatQuantity(row.idleKwNow)}
      </td>
      <td className="num">{formatQuantity(row.idleItKwh)}</td>
      <td className="num">{formatQuantity(row.idleFacilityKwh)}</td>
      <td className="num">
        {row.kgCO2 === null ? (
          <NoData text="no data" why="no grid carbon intensity for this energy" />
        ) : row.kwhWithoutCarbon > 0 ? (
          <span title={`+ ${formatKwh(row.kwhWithoutCarbon)} without grid data, not counted`}>
            {formatQuantity(row.kgCO2)} +
          </span>
        ) : (
          formatQuantity(row.kgCO2)
        )}
      </td>
      <td className="num">{money}</td>
      <td className="num">
        {row.idleShare === null ? <NoData why="no GPU energy measured" /> : formatShare(row.idleShare)}
      </td>
      {hasCoverage(kind) && (
        <td
          className={`num${warn ? ' sus-warn' : ''}`}
          title={warn ? 'Under 95 %: figures undercount' : undefined}
        >
          {row.coverage === null ? <NoData why="no GPU-seconds expected" /> : formatShare(row.coverage)}
        </td>
      )}
      {site && <SiteFactorCells site={site} />}
    </tr>
  );
}

function SiteFactorCells({ site }: { site: SiteWasteRow }) {
  return (
    <>
      <td className="num">
        {site.pue === null ? <NoData why="no PUE: counted at 1.0, a lower bound" /> : formatPue(site.pue)}
      </td>
      <td>
        {site.tariff ? formatTariff(site.tariff) : <NoData text="no tariff" why="no tariff for this site" />}
      </td>
      <td>
        {site.carbonGPerKwh === null ? (
          <NoData text="no data" why="no grid carbon intensity for this site's country, and no override" />
        ) : (
          <>
            {formatCarbonIntensity(site.carbonGPerKwh)}
            {site.carbonSource === 'override' && (
              <span className="sus-badge" title="Set in the site's profile, not the country average">
                override
              </span>
            )}
          </>
        )}
      </td>
    </>
  );
}
