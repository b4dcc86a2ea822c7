import { NO_DATA, NO_DATA_TITLE } from '../../lib/format';

/** A formatted metric, or the "no data" dash (with a tooltip saying so) — never a zero. */
export function Metric({ text, title = NO_DATA_TITLE }: { text: string; title?: string }) {
  if (text === NO_DATA)
    return (
      <span className="nodata" title={title}>
        {NO_DATA}
      </span>
    );
  return <>{text}</>;
}
