import { memo, useCallback } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type AxisDomain } from 'recharts';
import type { XY } from '../../lib/downsample';
import { formatClock, formatClockSeconds } from '../../lib/format';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_CONTENT, TOOLTIP_LABEL } from './chartStyle';

export interface ChartPlotProps {
  width: number;
  height: number;
  data: XY[];
  ticks: number[];
  yDomain: AxisDomain;
  formatTick: (v: number) => string;
  formatValue: (v: number | null) => string;
  unit: string;
  title: string;
  color: string;
}

const X_DOMAIN = ['dataMin', 'dataMax'];
const tooltipLabel = (t: unknown) => formatClockSeconds(typeof t === 'number' ? t : null);

/**
 * The recharts plot of a TimeSeriesChart, loaded on demand (its own chunk). Render budget: no
 * animation, no dots, a numeric time axis, gaps for nulls. Every prop it passes recharts is stable
 * between ticks unless its value changed: recharts stores its settings in its own store from effects,
 * and a new array or function each render re-ran its selectors on every tick.
 */
export const ChartPlot = memo(function ChartPlot({
  width,
  height,
  data,
  ticks,
  yDomain,
  formatTick,
  formatValue,
  unit,
  title,
  color,
}: ChartPlotProps) {
  const tooltipValue = useCallback(
    (v: unknown) => [`${formatValue(typeof v === 'number' ? v : null)} ${unit}`.trim(), title],
    [formatValue, unit, title],
  );
  return (
    <LineChart width={width} height={height} data={data} margin={CHART_MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke="#21262d" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        domain={X_DOMAIN}
        ticks={ticks}
        tickFormatter={formatClock}
        tick={AXIS_TICK}
        stroke="#30363d"
        allowDataOverflow
      />
      <YAxis
        type="number"
        domain={yDomain}
        tickFormatter={formatTick}
        tick={AXIS_TICK}
        stroke="#30363d"
        width={44}
        allowDecimals={false}
        // As many labels as fit without recharts silently dropping some (≈ one per 32 px).
        tickCount={Math.max(3, Math.min(6, Math.floor(height / 32)))}
      />
      <Tooltip
        isAnimationActive={false}
        contentStyle={TOOLTIP_CONTENT}
        labelStyle={TOOLTIP_LABEL}
        labelFormatter={tooltipLabel}
        formatter={tooltipValue}
      />
      <Line
        dataKey="v"
        type="linear"
        stroke={color}
        strokeWidth={1.5}
        dot={false}
        activeDot={false}
        isAnimationActive={false}
        connectNulls={false}
      />
    </LineChart>
  );
});
