/** The recharts styling every chart shares (dark theme, small axis labels, the tooltip box). */
export const AXIS_TICK = { fill: '#9aa5b1', fontSize: 11 };
export const TOOLTIP_CONTENT = {
  background: '#161b22',
  border: '1px solid #30363d',
  borderRadius: 4,
  color: '#e6edf3',
  fontSize: 12,
};
export const TOOLTIP_LABEL = { color: '#9aa5b1' };
export const CHART_MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };
