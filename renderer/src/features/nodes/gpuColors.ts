/** One colour per GPU line and card swatch, calm on the dark panel; the label carries the meaning. */
export const GPU_COLORS = [
  '#58a6ff',
  '#3fb950',
  '#e3b341',
  '#bc8cff',
  '#ff9e64',
  '#79c0ff',
  '#f778ba',
  '#56d4dd',
];
export const gpuColor = (index: number): string => GPU_COLORS[index % GPU_COLORS.length]!;
