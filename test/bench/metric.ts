/** One measured figure, in the shape `npm run bench -- --out FILE` writes (issue 10). */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  anchor: string | null;
  anchorValue: number | null;
  /** When the anchor is counted in another unit than the value (the planner's gap in % against HiGHS's objective). */
  anchorUnit?: string;
  ratio: number | null;
  target: string;
  met: boolean;
}
