import { lazy, memo, Suspense, useDeferredValue, useMemo } from 'react';
import type { AxisDomain } from 'recharts';
import type { XY } from '../../lib/downsample';
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

// recharts is a chunk of its own: the overview's first paint (map, totals, the chart frames with
// their latest values) does not wait for it to load and parse (DESIGN.md, Render budget → Bundle).
const ChartPlot = lazy(() => import('./ChartPlot').then((m) => ({ default: m.ChartPlot })));

/**
 * One live line chart, following the render budget (DESIGN.md): no animation, no dots, a numeric time
 * axis, gaps for nulls. The plot is decoration for sighted users; its figure carries the accessible name
 * and the latest value as text, so the recharts SVG is hidden from assistive technology.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { testId, title, label, latest, formatValue, unit, yDomain, formatTick } = props;
  // The plot follows a tick at low priority: React renders it in slices between frames, after the
  // map and the figures above it (issue 10: a tick's charts were 20–40 ms in one task).
  const data = useDeferredValue(props.data);
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
          <Suspense fallback={null}>
            <ChartPlot
              width={size.width}
              height={size.height}
              data={data}
              ticks={ticks}
              yDomain={yDomain}
              formatTick={formatTick}
              formatValue={formatValue}
              unit={unit}
              title={title}
              color={color}
            />
          </Suspense>
        ) : null}
      </div>
    </figure>
  );
});
