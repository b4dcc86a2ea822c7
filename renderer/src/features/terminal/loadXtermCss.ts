import href from '@xterm/xterm/css/xterm.css?url';

let loading: Promise<void> | null = null;

/**
 * Links xterm.js's own stylesheet, once, for the Terminal area's chunk. A <link> to a file of this
 * origin, never an imported CSS module: in dev Vite injects those as <style>, which the CSP
 * (style-src 'self') refuses. It goes before the app's stylesheet, so styles.css still wins ties,
 * as when it @imported xterm.css at its top. Resolves once the rules apply: xterm measures its
 * cells when it opens.
 */
export function loadXtermCss(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.xterm = '';
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => {
      link.remove();
      loading = null;
      reject(new Error(`the terminal's stylesheet did not load (${href})`));
    });
    const first = document.head.querySelector('link[rel="stylesheet"]');
    document.head.insertBefore(link, first);
  });
  return loading;
}
