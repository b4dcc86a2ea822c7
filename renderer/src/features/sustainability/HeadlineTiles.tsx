import { useId, type ReactNode } from 'react';
import type { SustainabilitySummary } from '../../../../shared/sustainability';
import {
  COVERAGE_WARN_BELOW,
  countOf,
  dateTime,
  formatIdleKw,
  formatKgCo2,
  formatKwh,
  formatMoneyList,
  formatShare,
  measuredSince,
} from './wasteFormat';

interface TileProps {
  testId: string;
  label: string;
  /** The raw, unrounded figure for tests and tools; "" when unknown. */
  value: string;
  text: string;
  /** Why the figure reads as it does (shown on hover), e.g. what "—" means here. */
  title?: string;
  unknown?: boolean;
  warn?: boolean;
  /** A long value (money in many currencies): smaller type, two columns wide. */
  wide?: boolean;
  sub?: ReactNode;
}

function Tile({ testId, label, value, text, title, unknown, warn, wide, sub }: TileProps) {
  const id = useId();
  return (
    <div
      className={`sus-tile${warn ? ' is-warn' : ''}${wide ? ' is-wide' : ''}`}
      data-testid={testId}
      data-value={value}
      role="group"
      aria-labelledby={id}
    >
      <div className="sus-tile-label" id={id}>
        {label}
      </div>
      <div className={`sus-tile-value${unknown ? ' is-unknown' : ''}`} title={title}>
        {text}
      </div>
      {sub && <div className="sus-tile-sub">{sub}</div>}
    </div>
  );
}

const raw = (v: number | null): string => (v === null ? '' : String(v));

/** Up to this many currencies fit a tile in big type. */
const WIDE_MONEY_ABOVE = 3;

/**
 * The fleet's headline figures for the period. Each tile carries the raw number in `data-value` (money:
 * the JSON list of {currency, amount}); unknown figures say so in words, never as a zero.
 */
export function HeadlineTiles({ summary }: { summary: SustainabilitySummary }) {
  const f = summary.fleet;
  const m = summary.method;
  const noTariffOnly = f.money.length === 0 && f.kwhWithoutTariff > 0;
  const pueNote =
    m.sitesWithoutPue.length > 0
      ? ` ${countOf(m.sitesWithoutPue.length, 'site')} without a PUE counted at 1.0 (a lower bound).`
      : '';

  return (
    <section className="sus-tiles" aria-label="Headline figures">
      <Tile
        testId="idle-kw-now"
        label="Idle draw now"
        value={raw(f.idleKwNow)}
        text={formatIdleKw(f.idleKwNow)}
        unknown={f.idleKwNow === null}
        title={
          f.idleKwNow === null ? 'no data: no GPU has a fresh reading' : 'Draw of the GPUs idle now (IT)'
        }
        sub={f.idleKwNow === null ? 'no fresh readings' : `${countOf(f.idleGpusNow, 'GPU')} idle`}
      />
      <Tile
        testId="idle-kwh"
        label="Idle energy (IT)"
        value={String(f.idleItKwh)}
        text={formatKwh(f.idleItKwh)}
        title="Measured energy of idle GPUs over the period"
        sub={
          <span title={`Facility energy = IT energy × each site's PUE.${pueNote}`}>
            {formatKwh(f.idleFacilityKwh)} facility
          </span>
        }
      />
      <Tile
        testId="idle-co2"
        label="Idle emissions"
        value={raw(f.kgCO2)}
        text={f.kgCO2 === null ? 'no grid data' : formatKgCo2(f.kgCO2)}
        unknown={f.kgCO2 === null}
        title={
          f.kgCO2 === null
            ? 'No site with idle energy has a grid carbon intensity'
            : 'Idle facility energy × each site’s grid intensity'
        }
        sub={f.kwhWithoutCarbon > 0 ? `+ ${formatKwh(f.kwhWithoutCarbon)} without grid data` : undefined}
      />
      <Tile
        testId="idle-money"
        label="Idle cost"
        value={JSON.stringify(f.money)}
        text={f.money.length > 0 ? formatMoneyList(f.money) : noTariffOnly ? 'no tariff' : '—'}
        unknown={f.money.length === 0}
        wide={f.money.length > WIDE_MONEY_ABOVE}
        title={
          f.money.length > 0
            ? 'One amount per currency, at each site’s tariff; never converted or summed across currencies'
            : noTariffOnly
              ? 'No site with idle energy has a tariff'
              : 'no data: no idle energy priced yet'
        }
        sub={
          f.kwhWithoutTariff > 0
            ? noTariffOnly
              ? `${formatKwh(f.kwhWithoutTariff)} at sites without a tariff`
              : `+ ${formatKwh(f.kwhWithoutTariff)} without a tariff`
            : undefined
        }
      />
      <Tile
        testId="idle-share"
        label="Idle share"
        value={raw(f.idleShare)}
        text={formatShare(f.idleShare)}
        unknown={f.idleShare === null}
        title={f.idleShare === null ? 'no data: no GPU energy measured in the period' : undefined}
        sub={`of ${formatKwh(f.totalItKwh)} GPU energy`}
      />
      <Tile
        testId="coverage"
        label="Coverage"
        value={raw(f.coverage)}
        text={formatShare(f.coverage)}
        unknown={f.coverage === null}
        warn={f.coverage !== null && f.coverage < COVERAGE_WARN_BELOW}
        title={
          'Measured GPU-seconds ÷ expected GPU-seconds over the period; gaps are reported here, not filled' +
          (f.coverage !== null && f.coverage < COVERAGE_WARN_BELOW
            ? '. Below 95 %: the figures undercount what was spent.'
            : '')
        }
        sub={
          <span
            data-observed-from={summary.observedFrom ?? ''}
            data-observed-to={summary.observedTo ?? ''}
            title={
              summary.observedTo === null ? undefined : `Last reading booked ${dateTime(summary.observedTo)}`
            }
          >
            {measuredSince(summary.observedFrom, summary.at)}
          </span>
        }
      />
    </section>
  );
}
