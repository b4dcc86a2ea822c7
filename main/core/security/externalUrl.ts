/**
 * Which links the desktop app hands to the system browser (Electron security checklist §15, "Do not
 * use shell.openExternal with untrusted content"). The renderer can ask for any URL (a link with
 * target=_blank, window.open), so the decision is made here, on a parsed URL, never on a string
 * prefix: only http(s), no credentials, nothing the parser would have to repair first.
 */

/** Longer than any link the console shows; a cap keeps huge strings away from the OS's URL handler. */
export const MAX_EXTERNAL_URL_LENGTH = 4096;

// C0 controls, space, DEL and C1 controls. The URL parser silently strips some of these (leading
// and trailing spaces, tabs and newlines anywhere), so "java\nscript:" would parse as "javascript:";
// refusing them outright means what was checked is exactly what was asked for.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;

/**
 * The normalised href to open in the system browser, or null when the URL must not leave the app.
 * The caller opens the returned href, not its input, so the browser gets exactly what was checked.
 */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (CONTROL_OR_SPACE.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // user:pass@host hides the real host from a reader ("https://bank.example@evil.example").
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url.href;
}
