/**
 * Whether an IPC message may reach a handler (Electron security checklist §17, "Validate the
 * sender of all IPC messages"): it must come from the window's main frame, and that frame's URL
 * must parse to one of the app's own origins. Comparing parsed origins, never string prefixes,
 * so `file://evil` or `http://localhost:5173.evil.com` cannot pass.
 */
export interface SenderFacts {
  /** The sending frame's URL, as Electron reports it. */
  url: string | undefined;
  /** True when the frame is the main frame of the console's own window. */
  isMainFrameOfAppWindow: boolean;
}

export function isTrustedSender(
  sender: SenderFacts,
  allowed: { origins: readonly string[]; fileIndex?: string },
): boolean {
  if (!sender.isMainFrameOfAppWindow || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    // The packaged app loads exactly one file; any other file:// page is not ours.
    return allowed.fileIndex !== undefined && decodeURIComponent(url.pathname) === allowed.fileIndex;
  }
  return allowed.origins.includes(url.origin);
}
