import { memo } from 'react';
import type { GpuRow } from '../../../../shared/nodes';
import { formatPct, formatTempC } from '../../lib/format';
import { Metric } from '../sites/Metric';
import { gpuColor } from './gpuColors';
import {
  clockText,
  clocksText,
  fraction,
  framebufferText,
  limitSourceText,
  powerText,
  remapText,
  xidText,
} from './gpuText';
import { HOT_TEMP_C } from './nodeQuery';

interface Props {
  gpus: readonly GpuRow[];
  highlight: number | null;
  onHighlight: (index: number | null) => void;
}

/** One card per GPU with its latest readings; a card's title button highlights its line in the charts. */
export function GpuGrid({ gpus, highlight, onHighlight }: Props) {
  if (gpus.length === 0) return <p className="muted">This node reports no GPUs.</p>;
  return (
    <div className="gpu-grid">
      {gpus.map((g, i) => {
        const index = g.index ?? i;
        return (
          <GpuCard
            key={g.uuid || i}
            gpu={g}
            index={index}
            label={g.index === null ? `GPU #${i + 1}` : `GPU ${g.index}`}
            highlighted={highlight === index}
            onHighlight={onHighlight}
          />
        );
      })}
    </div>
  );
}

interface CardProps {
  gpu: GpuRow;
  index: number;
  label: string;
  highlighted: boolean;
  onHighlight: (index: number | null) => void;
}

const GpuCard = memo(function GpuCard({ gpu: g, index, label, highlighted, onHighlight }: CardProps) {
  const xid = xidText(g.xid);
  const remap = remapText(g.rowRemapFailure);
  const hot = g.tempC !== null && g.tempC >= HOT_TEMP_C;
  return (
    <article
      className={`gpu-card${highlighted ? ' is-highlighted' : ''}${xid.bad || remap.bad ? ' is-faulty' : ''}`}
      data-testid="gpu-card"
      data-gpu={index}
      aria-label={label}
    >
      <header className="gpu-card-head">
        <button
          type="button"
          className="gpu-card-title"
          aria-pressed={highlighted}
          title="Highlight this GPU in the charts"
          onClick={() => onHighlight(highlighted ? null : index)}
        >
          <span className="gpu-swatch" style={{ background: gpuColor(index) }} aria-hidden="true" />
          {label}
        </button>
        {xid.bad && (
          <span className="gpu-xid-badge" title={xid.title}>
            {xid.text}
          </span>
        )}
      </header>
      <Bar label="Util" text={formatPct(g.utilPct)} value={fraction(g.utilPct, 100)} />
      <Bar
        label="Power"
        text={powerText(g)}
        value={fraction(g.powerW, g.powerLimitW)}
        note={g.powerW === null ? undefined : limitSourceText(g.powerLimitSource)}
      />
      <Bar label="Memory" text={framebufferText(g.fbUsedMiB, g.fbFreeMiB)} value={fbFraction(g)} />
      <dl className="gpu-facts">
        <dt>Temp</dt>
        <dd>
          <span className={hot ? 'is-hot' : undefined}>
            <Metric text={formatTempC(g.tempC)} />
          </span>
          <span className="muted"> · mem </span>
          <Metric
            text={formatTempC(g.memTempC)}
            title="memory temperature not reported (many GPUs do not export it)"
          />
        </dd>
        <dt>SM / mem</dt>
        <dd title={`SM clock ${clockText(g.smClockMHz)}, memory clock ${clockText(g.memClockMHz)}`}>
          <Metric text={clocksText(g.smClockMHz, g.memClockMHz)} />
        </dd>
        <dt>XID</dt>
        <dd className={xid.bad ? 'is-bad' : undefined} title={xid.title}>
          <Metric text={xid.text} title={xid.title} />
        </dd>
        <dt>Row remap</dt>
        <dd className={remap.bad ? 'is-bad' : undefined}>
          <Metric text={remap.text} title="not reported" />
        </dd>
      </dl>
      {xid.bad && <p className="gpu-xid-meaning">{xid.title}</p>}
    </article>
  );
});

const fbFraction = (g: GpuRow): number | null =>
  g.fbUsedMiB === null || g.fbFreeMiB === null ? null : fraction(g.fbUsedMiB, g.fbUsedMiB + g.fbFreeMiB);

function Bar({
  label,
  text,
  value,
  note,
}: {
  label: string;
  text: string;
  value: number | null;
  note?: string;
}) {
  return (
    <div className="gpu-bar">
      <div className="gpu-bar-line">
        <span className="muted">{label}</span>
        <span>
          <Metric text={text} />
        </span>
      </div>
      <div className="gpu-bar-track" aria-hidden="true">
        {value !== null && (
          <div
            className={`gpu-bar-fill${value >= 0.95 ? ' is-high' : ''}`}
            style={{ width: `${value * 100}%` }}
          />
        )}
      </div>
      {note && <div className="gpu-bar-note muted">{note}</div>}
    </div>
  );
}
