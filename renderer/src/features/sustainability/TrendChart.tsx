import { memo, useMemo } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Period, SustainabilitySummary } from '../../../../shared/sustainability';
import { useElementSize } from '../../lib/useElementSize';
import { bucketWord, fleetPerBucket, formatBucket, formatTrendTick, shapeTrend } from './trendData';
import { PERIOD_WORDS, formatQuantity } from './wasteFormat';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_CONTENT, TOOLTIP_LABEL } from '../charts/chartStyle';

const yTick = (v: number) =>
  Math.abs(v) >= 1000 ? `${Number((v / 1000).toFixed(1))}k` : String(Number(v.toPrecision(3)));

/**
 * Idle IT energy per bucket, stacked by site (the top sites and "other"), as the ledger booked it:
 * an area for minute buckets, bars for hours and days (a lone measured hour must still show). Unmeasured buckets are gaps, not zeros. Within
 * the render budget (DESIGN.md): no animation, no dots, ≤ 8 series of ≤ 168 points, redrawn every 5 s.
 */
export const TrendChart = memo(function TrendChart({
  trend,
  period,
}: {
  trend: SustainabilitySummary['trend'];
  period: Period;
}) {
  const shape = useMemo(() => shapeTrend(trend), [trend]);
  const [ref, size] = useElementSize<HTMLDivElement>();
  const bucket = bucketWord(trend.bucketMs);
  const tick = (t: unknown) => (typeof t === 'number' ? formatTrendTick(t, trend.bucketMs) : String(t));
  const tooltipLabel = (t: unknown) => (typeof t === 'number' ? formatBucket(t, trend.bucketMs) : String(t));
  const tooltipValue = (v: unknown) => (typeof v === 'number' ? `${formatQuantity(v)} kWh` : 'no data');

  const common = {
    width: size.width,
    height: size.height,
    data: shape.rows,
    margin: CHART_MARGIN,
    accessibilityLayer: false,
  };
  const grid = <CartesianGrid stroke="#21262d" vertical={false} />;
  const yAxis = (
    <YAxis
      type="number"
      tickFormatter={yTick}
      tick={AXIS_TICK}
      stroke="#30363d"
      width={44}
      tickCount={Math.max(3, Math.min(6, Math.floor(size.height / 32)))}
    />
  );
  const tooltip = (
    <Tooltip
      isAnimationActive={false}
      contentStyle={TOOLTIP_CONTENT}
      labelStyle={TOOLTIP_LABEL}
      labelFormatter={tooltipLabel}
      formatter={(v, name) => [tooltipValue(v), name]}
    />
  );

  return (
    <figure
      className="chart sus-trend"
      data-testid="trend"
      data-series={shape.series.length}
      data-points={shape.rows.length}
      // The fleet's idle kWh per bucket (the stack's height), for checks against the simulator.
      data-fleet={JSON.stringify(fleetPerBucket(shape))}
      aria-label={`Idle IT energy per ${bucket}, stacked by site, ${PERIOD_WORDS[period]}`}
    >
      <figcaption className="chart-head">
        <span className="chart-title">Idle energy (IT) per {bucket}</span>
        <span className="muted sus-trend-unit">kWh</span>
      </figcaption>
      <div className="chart-body" ref={ref} aria-hidden="true">
        {!shape.hasValue ? (
          <p className="chart-empty">No idle energy measured in this period yet.</p>
        ) : size.width > 0 && size.height > 0 ? (
          shape.kind === 'bar' ? (
            <BarChart {...common}>
              {grid}
              <XAxis dataKey="t" ticks={shape.ticks} tickFormatter={tick} tick={AXIS_TICK} stroke="#30363d" />
              {yAxis}
              {tooltip}
              {shape.series.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.dataKey}
                  name={s.label}
                  stackId="idle"
                  fill={s.color}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          ) : (
            <AreaChart {...common}>
              {grid}
              <XAxis
                dataKey="t"
                type="number"
                domain={['dataMin', 'dataMax']}
                ticks={shape.ticks}
                tickFormatter={tick}
                tick={AXIS_TICK}
                stroke="#30363d"
                allowDataOverflow
              />
              {yAxis}
              {tooltip}
              {shape.series.map((s) => (
                <Area
                  key={s.key}
                  dataKey={s.dataKey}
                  name={s.label}
                  stackId="idle"
                  type="linear"
                  stroke={s.color}
                  fill={s.color}
                  fillOpacity={0.35}
                  strokeWidth={1}
                  dot={false}
                  activeDot={false}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </AreaChart>
          )
        ) : null}
      </div>
      {shape.series.length > 0 && (
        <ul className="sus-legend" aria-label="Stacked by site">
          <li className="sus-legend-title">stacked by site:</li>
          {shape.series.map((s) => (
            <li key={s.key} className="sus-legend-item">
              <span className="sus-swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
});
