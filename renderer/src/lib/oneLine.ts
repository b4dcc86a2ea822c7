import type { CSSProperties } from 'react';

/**
 * Names that come from the fleet — site, node, model, job and tenant names, Slurm reasons — may be any
 * length (a dcgm label or a Slurm account of 100 KB is valid) and need not contain a break opportunity.
 * Where one is shown in a line of its own, it is cut to the width it is given with an ellipsis, the
 * whole name on hover (issue 11). Set through React's style prop, i.e. the CSSOM, which the CSP's
 * `style-src 'self'` allows (only style attributes in markup are refused).
 */
export const oneLine = (maxWidth: string = '100%'): CSSProperties => ({
  maxWidth,
  minWidth: 0,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
});

/** At most `max` characters (a surrogate pair is never split), "…" marking the cut. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
