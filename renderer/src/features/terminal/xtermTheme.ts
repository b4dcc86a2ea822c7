import type { ITerminalOptions, ITheme } from '@xterm/xterm';
import type { ISearchOptions } from '@xterm/addon-search';

/** The app's dark palette (styles.css :root) carried into the terminal; ANSI colours after GitHub Dark. */
export const XTERM_THEME: ITheme = {
  background: '#0d1117',
  foreground: '#e6edf3',
  cursor: '#58a6ff',
  cursorAccent: '#0d1117',
  selectionBackground: '#264f78',
  selectionInactiveBackground: '#30363d',
  black: '#484f58',
  red: '#ff7b72',
  green: '#3fb950',
  yellow: '#d29922',
  blue: '#58a6ff',
  magenta: '#bc8cff',
  cyan: '#39c5cf',
  white: '#b1bac4',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#e3b341',
  brightBlue: '#79c0ff',
  brightMagenta: '#d2a8ff',
  brightCyan: '#56d4dd',
  brightWhite: '#ffffff',
};

export const XTERM_OPTIONS: ITerminalOptions = {
  theme: XTERM_THEME,
  fontFamily: "'DejaVu Sans Mono', 'Cascadia Mono', 'SF Mono', Menlo, Consolas, ui-monospace, monospace",
  fontSize: 13,
  lineHeight: 1.1,
  scrollback: 10_000,
  cursorBlink: false,
  cursorStyle: 'block',
  cursorInactiveStyle: 'outline',
  // The search addon's match highlights are decorations, a proposed API.
  allowProposedApi: true,
  macOptionIsMeta: true,
  drawBoldTextInBrightColors: true,
};

/** Matches in amber, the current one in the accent blue; #RRGGBB as the addon requires. */
export const SEARCH_OPTIONS: ISearchOptions = {
  decorations: {
    matchBackground: '#4d3800',
    matchBorder: '#9e6a03',
    matchOverviewRuler: '#e3b341',
    activeMatchBackground: '#1f4b7a',
    activeMatchBorder: '#79c0ff',
    activeMatchColorOverviewRuler: '#58a6ff',
  },
};
