import { useId } from 'react';
import type { PlanView } from '../../../../shared/placement';
import { formatCount } from '../../lib/format';
import { formatKwh, formatMoneyList } from '../sustainability/wasteFormat';
import { formatCo2PerDay, formatKwFreed } from './planText';

interface TileProps {
  testId: string;
  label: string;
  /** The raw figure for tests and tools; "" when unknown. */
  value: string;
  text: string;
  unknown?: boolean;
  title?: string;
  /** A long value (money in many currencies): smaller type, two columns wide. */
  wide?: boolean;
}

/** One figure. The test id sits on the value itself, so a test reads the figure and not its label. */
function Tile({ testId, label, value, text, unknown, title, wide }: TileProps) {
  const id = useId();
  return (
    <div className={`sus-tile${wide ? ' is-wide' : ''}`} role="group" aria-labelledby={id}>
      <div className="sus-tile-label" id={id}>
        {label}
      </div>
      <div
        className={`sus-tile-value${unknown ? ' is-unknown' : ''}`}
        data-testid={testId}
        data-value={value}
        title={title}
      >
        {text}
      </div>
    </div>
  );
}

/** Up to this many currencies fit a tile in big type (as on the sustainability page). */
const WIDE_MONEY_ABOVE = 3;

/**
 * What the plan does, in figures: GPUs moved, nodes freed and what those nodes draw, and a day of
 * it in energy, money (one amount per currency, never summed) and CO2 (unknown when a site has no
 * grid intensity, not 0).
 */
export function PlanEffects({ effects }: { effects: PlanView['effects'] }) {
  const e = effects;
  return (
    <section className="sus-tiles placement-effects" aria-label="Effects" data-testid="plan-effects">
      <Tile
        testId="plan-gpus-moved"
        label="GPUs moved"
        value={String(e.gpusMoved)}
        text={formatCount(e.gpusMoved)}
      />
      <Tile
        testId="plan-nodes-freed"
        label="Nodes freed"
        value={String(e.nodesFreed)}
        text={formatCount(e.nodesFreed)}
      />
      <Tile
        testId="plan-kw-freed"
        label="kW freed (IT)"
        value={String(e.kwFreed)}
        text={formatKwFreed(e.kwFreed)}
      />
      <Tile
        testId="plan-kwh-day"
        label="kWh / day"
        value={String(e.kwhPerDay)}
        text={formatKwh(e.kwhPerDay)}
      />
      <Tile
        testId="plan-money-day"
        label="Money / day"
        value={JSON.stringify(e.moneyPerDay)}
        text={e.moneyPerDay.length > 0 ? formatMoneyList(e.moneyPerDay) : 'no tariff'}
        unknown={e.moneyPerDay.length === 0}
        wide={e.moneyPerDay.length > WIDE_MONEY_ABOVE}
        title={
          e.moneyPerDay.length === 0 ? 'unknown: no tariff for the sites whose nodes are freed' : undefined
        }
      />
      <Tile
        testId="plan-co2-day"
        label="CO2e / day"
        value={e.kgCO2PerDay === null ? '' : String(e.kgCO2PerDay)}
        text={formatCo2PerDay(e.kgCO2PerDay)}
        unknown={e.kgCO2PerDay === null}
        title={e.kgCO2PerDay === null ? 'unknown: a site has no grid carbon intensity' : undefined}
      />
    </section>
  );
}
