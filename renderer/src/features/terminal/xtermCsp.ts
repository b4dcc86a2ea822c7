import type { Terminal } from '@xterm/xterm';

/**
 * xterm.js 5.5's DOM renderer writes its theme, font and cell rules into two <style> elements, and
 * true colours into style attributes. Both are inline style, which the console's CSP (style-src
 * 'self', in index.html and the served header) refuses: the terminal would render colourless and
 * misaligned, and every refusal is a console error. CSSOM is not inline style, so:
 *
 * - while xterm opens (the only time it creates them), its two <style> elements are made as inert
 *   <template> elements instead (display: none, never applied, never checked by the CSP); their text
 *   is mirrored into a constructable stylesheet adopted by the document, and kept in sync;
 * - the row factory's one style-attribute writer (`_addStyle`, true colours and minimum contrast)
 *   writes through element.style instead.
 *
 * Opens `term` in `host`; returns the undo for when the terminal is disposed. Pinned to @xterm/xterm
 * 5.5 internals: if they are not found, the terminal still works, with the CSP's refusals.
 */
export function openXtermWithinCsp(term: Terminal, host: HTMLElement): () => void {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const blocks: HTMLElement[] = [];

  const create = document.createElement;
  const patched = function (this: Document, tag: string, options?: ElementCreationOptions) {
    if (typeof tag === 'string' && tag.toLowerCase() === 'style') {
      const inert = create.call(this, 'template', options);
      blocks.push(inert);
      return inert;
    }
    return create.call(this, tag, options);
  };
  document.createElement = patched as typeof document.createElement;
  try {
    term.open(host);
  } finally {
    document.createElement = create;
  }

  let last = '';
  const sync = () => {
    const text = blocks.map((b) => b.textContent ?? '').join('\n');
    if (text === last) return;
    last = text;
    sheet.replaceSync(text);
  };
  const observer = new MutationObserver(sync);
  for (const b of blocks) observer.observe(b, { childList: true, characterData: true, subtree: true });
  sync();

  const factory = rowFactoryOf(term);
  if (factory) factory._addStyle = (el, style) => void (el.style.cssText += `${style};`);

  return () => {
    observer.disconnect();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

interface RowFactory {
  _addStyle(element: HTMLElement, style: string): void;
}

/** xterm 5.5: term._core._renderService._renderer.value._rowFactory (names kept in its build). */
function rowFactoryOf(term: Terminal): RowFactory | null {
  const core = (term as unknown as { _core?: { _renderService?: { _renderer?: { value?: unknown } } } })
    ._core;
  const renderer = core?._renderService?._renderer?.value as
    { _rowFactory?: Partial<RowFactory> } | undefined;
  const factory = renderer?._rowFactory;
  return factory && typeof factory._addStyle === 'function' ? (factory as RowFactory) : null;
}
