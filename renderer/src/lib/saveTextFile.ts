/**
 * Hands text to the browser as a download: a Blob, an object URL and a click on a temporary
 * <a download>. The same path works in the Electron shell and in a browser on the served console, and
 * needs no CSP change: a download is not a navigation and fetches nothing. The URL is revoked a little
 * later, once the browser has taken the file.
 */
export function saveTextFile(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
