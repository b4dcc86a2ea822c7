import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type AxisDomain } from 'recharts';
import type { XY } from '../../lib/downsample';
import { formatClock, formatClockSeconds } from '../../lib/format';
import { minuteTicks } from '../../lib/timeTicks';
import { useElementSize } from '../../lib/useElementSize';

export interface TimeSeriesChartProps {
  testId: string;
  title: string;
  /** Accessible name of the figure, e.g. "Fleet GPU utilisation, last 15 minutes". */
  label: string;
  /** ≤ 500 points, already downsampled; null values are gaps. */
  data: XY[];
  /** The newest value, shown big beside the title. */
  latest: number | null;
  formatValue: (v: number | null) => string;
  unit: string;
  yDomain: AxisDomain;
  formatTick: (v: number) => string;
  color?: string;
  /** Shown instead of the plot while there is nothing to draw. */
  emptyText?: string;
}

const AXIS_TICK = { fill: '#9aa5b1', fontSize: 11 };
const TOOLTIP_CONTENT = {
  background: '#161b22',
  border: '1px solid #30363d',
  borderRadius: 4,
  color: '#e6edf3',
  fontSize: 12,
};
const TOOLTIP_LABEL = { color: '#9aa5b1' };
const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };

/**
 * One live line chart, following the render budget (DESIGN.md): no animation, no dots, a numeric time
 * axis, gaps for nulls. The plot is decoration for sighted users; its figure carries the accessible name
 * and the latest value as text, so the recharts SVG is hidden from assistive technology.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { testId, title, label, data, latest, formatValue, unit, yDomain, formatTick } = props;
  const color = props.color ?? '#58a6ff';
  const [ref, size] = useElementSize<HTMLDivElement>();

  const ticks = useMemo(() => {
    const first = data[0]?.t;
    const last = data[data.length - 1]?.t;
    return first === undefined || last === undefined ? [] : minuteTicks(first, last, 6);
  }, [data]);

  const hasValue = data.some((p) => p.v !== null);

  return (
    <figure className="chart" data-testid={testId} aria-label={label}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="chart-latest">
          <span className="chart-latest-value" title={latest === null ? 'no data' : undefined}>
            {formatValue(latest)}
          </span>
          <span className="chart-latest-unit">{unit}</span>
        </span>
      </figcaption>
      <div className="chart-body" ref={ref} aria-hidden="true">
        {!hasValue ? (
          <p className="chart-empty">{props.emptyText ?? 'Waiting for data…'}</p>
        ) : size.width > 0 && size.height > 0 ? (
          <LineChart
            width={size.width}
            height={size.height}
            data={data}
            margin={MARGIN}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#21262d" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
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
              tickCount={Math.max(3, Math.min(6, Math.floor(size.height / 32)))}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={TOOLTIP_CONTENT}
              labelStyle={TOOLTIP_LABEL}
              labelFormatter={(t) => formatClockSeconds(typeof t === 'number' ? t : null)}
              formatter={(v) => [`${formatValue(typeof v === 'number' ? v : null)} ${unit}`.trim(), title]}
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
        ) : null}
      </div>
    </figure>
  );
});
