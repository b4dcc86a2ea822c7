/**
 * The desktop window's handlers for navigation, new windows, webviews and permissions (Electron
 * security checklist §5 permissions, §12 webviews, §13 navigation, §14 new windows), kept free of
 * Electron so they can be tested; main/index.ts installs them. Each takes the narrowest shape of
 * Electron's arguments it needs, so Electron's own handler types are assignable to them.
 */
import { externalUrl } from './externalUrl';

/** Anything Electron lets a handler cancel: will-navigate, will-redirect, will-attach-webview. */
export interface Cancellable {
  preventDefault(): void;
}

/**
 * For will-navigate, will-redirect and will-attach-webview: the window shows the console's own page
 * and nothing else, so every navigation away and every webview is cancelled.
 */
export function refuse(event: Cancellable): void {
  event.preventDefault();
}

/**
 * For setWindowOpenHandler: the app never opens a second window. A link the renderer wants opened
 * goes to the system browser when externalUrl() accepts it, as the URL it normalised.
 */
export function denyNewWindows(
  openExternal: (href: string) => void,
): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    const href = externalUrl(url);
    if (href !== null) openExternal(href);
    return { action: 'deny' };
  };
}

/** Desktop notifications carry critical alerts (issue 4); every other permission is refused. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export const isPermissionGranted = (permission: string): boolean => GRANTED_PERMISSIONS.has(permission);

/** For session.setPermissionRequestHandler: camera, geolocation, clipboard, HID… are all refused. */
export function permissionRequestHandler(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(isPermissionGranted(permission));
}

/** For session.setPermissionCheckHandler: the synchronous question gets the same answer. */
export function permissionCheckHandler(_webContents: unknown, permission: string): boolean {
  return isPermissionGranted(permission);
}
