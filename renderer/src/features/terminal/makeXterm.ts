import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import type { MakeXterm } from './terminalController';
import { XTERM_OPTIONS } from './xtermTheme';

/**
 * One tab's xterm with the fit and search addons. Only the Terminal area's chunk imports this file,
 * so xterm (≈ 320 kB minified) is not in the first paint of the fleet overview (DESIGN.md, "Render
 * budget → Bundle").
 */
export const makeXterm: MakeXterm = () => {
  const term = new Terminal(XTERM_OPTIONS);
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  return { term, fit, search };
};
