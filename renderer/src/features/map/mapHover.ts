/** Which marker shows its tooltip, and why: focus keeps it until blur, a pointer leaving does not close it. */
export interface MapHover {
  kind: 'site' | 'cluster';
  /** Site id, or cluster key. */
  key: string;
  by: 'pointer' | 'focus';
}
