import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type AxisDomain } from 'recharts';
import { formatClock, formatClockSeconds } from '../../lib/format';
import { minuteTicks } from '../../lib/timeTicks';
import { useElementSize } from '../../lib/useElementSize';
import { gpuColor } from './gpuColors';
import { gpuChartData, seriesSpanMs, type GpuChartData, type GpuMetric, type GpuSeries } from './gpuSeries';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_CONTENT } from '../charts/chartStyle';

const WINDOWS = [
  { ms: 5 * 60_000, label: '5 min' },
  { ms: 15 * 60_000, label: '15 min' },
] as const;

interface MetricSpec {
  metric: GpuMetric;
  title: string;
  unit: string;
  domain: AxisDomain;
  format: (v: number) => string;
}

const METRICS: readonly MetricSpec[] = [
  { metric: 'utilPct', title: 'GPU utilisation', unit: '%', domain: [0, 100], format: (v) => v.toFixed(0) },
  { metric: 'powerW', title: 'GPU power', unit: 'W', domain: [0, 'auto'], format: (v) => v.toFixed(0) },
  {
    metric: 'tempC',
    title: 'GPU temperature',
    unit: '°C',
    domain: ['auto', 'auto'],
    format: (v) => v.toFixed(0),
  },
];

interface Props {
  hostname: string;
  series: readonly GpuSeries[];
  /** The detail's data time: the right edge of every chart. */
  at: number;
  highlight: number | null;
  onHighlight: (index: number | null) => void;
}

/**
 * Three live charts (util, power, temperature), one line per GPU: three charts per tick stays inside
 * the render budget where one chart per GPU and metric (24) would not. The window is the last 5 or 15
 * minutes; the core keeps about 15 minutes of samples at full resolution.
 */
export function NodeCharts({ hostname, series, at, highlight, onHighlight }: Props) {
  const [windowMs, setWindowMs] = useState<number>(WINDOWS[0].ms);
  const data = useMemo(
    () => METRICS.map((m) => gpuChartData(series, m.metric, windowMs, at)),
    [series, windowMs, at],
  );
  const held = seriesSpanMs(series);
  const lines = data[0]?.lines ?? [];
  const label = WINDOWS.find((w) => w.ms === windowMs)?.label ?? '';

  return (
    <section className="node-section" aria-labelledby="node-charts-title">
      <div className="node-section-head">
        <h2 className="section-title" id="node-charts-title">
          History
        </h2>
        <div className="segmented" role="radiogroup" aria-label="Chart window">
          {WINDOWS.map((w) => (
            <label key={w.ms} className={`segment${w.ms === windowMs ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="node-chart-window"
                className="visually-hidden"
                checked={w.ms === windowMs}
                onChange={() => setWindowMs(w.ms)}
              />
              {w.label}
            </label>
          ))}
        </div>
        <p className="hint">
          The core keeps about 15 minutes of samples at full resolution
          {held > 0 ? ` (${Math.round(held / 60_000)} min held now)` : ''}; longer series are bucketed, each
          GPU keeping its peak.
        </p>
      </div>
      {lines.length > 0 && (
        <div className="gpu-legend" role="group" aria-label="Highlight a GPU in the charts">
          {lines.map((l) => (
            <button
              key={l.key}
              type="button"
              className={`gpu-legend-item${highlight === l.index ? ' is-on' : ''}`}
              aria-pressed={highlight === l.index}
              onClick={() => onHighlight(highlight === l.index ? null : l.index)}
            >
              <span className="gpu-swatch" style={{ background: gpuColor(l.index) }} aria-hidden="true" />
              {l.label}
            </button>
          ))}
        </div>
      )}
      <div className="node-charts">
        {METRICS.map((m, i) => (
          <GpuChart
            key={m.metric}
            spec={m}
            data={data[i]!}
            label={`${m.title} per GPU of ${hostname}, last ${label}`}
            highlight={highlight}
          />
        ))}
      </div>
    </section>
  );
}

interface ChartProps {
  spec: MetricSpec;
  data: GpuChartData;
  label: string;
  highlight: number | null;
}

/** Render budget (DESIGN.md): no animation, no dots, a numeric time axis, gaps for nulls, ≤ 300 rows. */
const GpuChart = memo(function GpuChart({ spec, data, label, highlight }: ChartProps) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const { rows, lines } = data;
  const ticks = useMemo(() => {
    const first = rows[0]?.t;
    const last = rows[rows.length - 1]?.t;
    return first === undefined || last === undefined ? [] : minuteTicks(first, last, 5);
  }, [rows]);
  const latest = rows[rows.length - 1];
  const peak = latest
    ? lines.reduce<number | null>((m, l) => {
        const v = latest[l.key];
        return v === null || v === undefined ? m : m === null ? v : Math.max(m, v);
      }, null)
    : null;
  const hasValue = rows.some((r) => lines.some((l) => r[l.key] !== null));

  return (
    <figure className="chart node-chart" data-testid="node-chart" aria-label={label}>
      <figcaption className="chart-head">
        <span className="chart-title">{spec.title}</span>
        <span className="chart-latest" title="The hottest / busiest GPU now">
          <span className="chart-latest-value" title={peak === null ? 'no data' : undefined}>
            {peak === null ? '—' : spec.format(peak)}
          </span>
          <span className="chart-latest-unit">{spec.unit} max</span>
        </span>
      </figcaption>
      <div className="chart-body" ref={ref} aria-hidden="true">
        {!hasValue ? (
          <p className="chart-empty">No samples in this window</p>
        ) : size.width > 0 && size.height > 0 ? (
          <LineChart
            width={size.width}
            height={size.height}
            data={rows}
            margin={CHART_MARGIN}
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
              domain={spec.domain}
              tickFormatter={spec.format}
              tick={AXIS_TICK}
              stroke="#30363d"
              width={40}
              allowDecimals={false}
              tickCount={4}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={TOOLTIP_CONTENT}
              labelFormatter={(t) => formatClockSeconds(typeof t === 'number' ? t : null)}
              formatter={(v, name) => [
                typeof v === 'number' ? `${spec.format(v)} ${spec.unit}` : '—',
                lines.find((l) => l.key === name)?.label ?? String(name),
              ]}
            />
            {lines.map((l) => (
              <Line
                key={l.key}
                dataKey={l.key}
                type="linear"
                stroke={gpuColor(l.index)}
                strokeWidth={highlight === l.index ? 2.5 : 1.25}
                strokeOpacity={highlight === null || highlight === l.index ? 1 : 0.25}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        ) : null}
      </div>
    </figure>
  );
});
