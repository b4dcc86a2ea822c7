import { BADGES, type BadgeKind } from './mapMarks';

interface Props {
  kind: BadgeKind;
  text: string;
  /** Radius of the marker it sits on; the badge is centred on its edge at 45°, upper right. */
  markerR: number;
  /** Badge radius: a little larger on clusters, whose count is of sites. */
  r?: number;
}

/**
 * A small count (or "?") on a marker's shoulder. Decorative for assistive tech: the marker's accessible
 * name says the same in words.
 */
export function MarkerBadge({ kind, text, markerR, r = 5.5 }: Props) {
  const style = BADGES[kind];
  const d = markerR * Math.SQRT1_2 + 1;
  return (
    <g
      className={`marker-badge badge-${kind}`}
      transform={`translate(${d.toFixed(1)} ${(-d).toFixed(1)})`}
      aria-hidden="true"
    >
      <circle r={r} fill={style.fill} stroke={style.stroke} strokeDasharray={style.dash} />
      <text className="marker-badge-text" fill={style.text} fontSize={text.length > 1 ? r * 1.15 : r * 1.45}>
        {text}
      </text>
    </g>
  );
}
