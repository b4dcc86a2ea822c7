/** Open the palette from a mouse control elsewhere (the header's button): one window event, no store. */
export const PALETTE_OPEN_EVENT = 'fleet-console:open-palette';

export function openPalette(): void {
  window.dispatchEvent(new Event(PALETTE_OPEN_EVENT));
}

/** Ctrl+K, or Cmd+K on a Mac; never from inside a terminal, where Ctrl+K belongs to the shell (kill line). */
export function isPaletteShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  return e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}
