import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/appStore';
import { formatKwTick, formatKwValue, formatPctValue } from '../../lib/format';
import { TimeSeriesChart } from '../charts/TimeSeriesChart';
import { headroomDomain } from '../../lib/niceCeil';

const UTIL_DOMAIN: [number, number] = [0, 100];
const pctTick = (v: number) => `${v}%`;

/** Fleet GPU utilisation and power draw over the last 15 minutes, fed by the tick. */
export function FleetCharts() {
  const { util, power, utilNow, powerNow } = useAppStore(
    useShallow((s) => ({
      util: s.utilHistory,
      power: s.powerHistory,
      utilNow: s.totals?.utilPct ?? null,
      powerNow: s.totals?.powerKw ?? null,
    })),
  );
  return (
    <section className="fleet-charts" aria-label="Fleet trends">
      <TimeSeriesChart
        testId="chart-util"
        title="GPU utilisation"
        label="Fleet GPU utilisation, percent, last 15 minutes"
        data={util}
        latest={utilNow}
        formatValue={formatPctValue}
        unit="%"
        yDomain={UTIL_DOMAIN}
        formatTick={pctTick}
        color="#58a6ff"
      />
      <TimeSeriesChart
        testId="chart-power"
        title="Power draw"
        label="Fleet power draw, kilowatts, last 15 minutes"
        data={power}
        latest={powerNow}
        formatValue={formatKwValue}
        unit="kW"
        yDomain={headroomDomain}
        formatTick={formatKwTick}
        color="#e3b341"
      />
    </section>
  );
}
