/** One measured figure, in the shape `npm run bench -- --out FILE` writes (issue 10). */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  anchor: string | null;
  anchorValue: number | null;
  ratio: number | null;
  target: string;
  met: boolean;
}
