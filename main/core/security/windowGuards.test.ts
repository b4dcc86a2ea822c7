import { describe, expect, it, vi } from 'vitest';
import {
  GRANTED_PERMISSIONS,
  denyNewWindows,
  permissionCheckHandler,
  permissionRequestHandler,
  refuse,
} from './windowGuards';

describe('refuse (will-navigate, will-redirect, will-attach-webview)', () => {
  it('cancels the event', () => {
    const event = { preventDefault: vi.fn() };
    refuse(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('denyNewWindows', () => {
  it.each([
    ['an https link', 'https://docs.example.com/a', 'https://docs.example.com/a'],
    ['an http link, normalised', 'HTTP://Example.com', 'http://example.com/'],
    ['javascript:', 'javascript:alert(1)', null],
    ['file:', 'file:///etc/passwd', null],
    ['data:', 'data:text/html,<b>x</b>', null],
    ['about:blank', 'about:blank', null],
    ['the app itself', 'file:///opt/Fleet%20Console/resources/app/out/renderer/index.html', null],
    ['credentials', 'https://user:pass@example.com/', null],
    ['a smuggled newline', 'java\nscript:alert(1)', null],
  ])('denies a window for %s, and opens only a vetted href in the browser', (_name, url, opened) => {
    const openExternal = vi.fn();
    expect(denyNewWindows(openExternal)({ url })).toEqual({ action: 'deny' });
    if (opened === null) expect(openExternal).not.toHaveBeenCalled();
    else expect(openExternal).toHaveBeenCalledExactlyOnceWith(opened);
  });
});

describe('permissions', () => {
  const requested = (permission: string) => {
    const callback = vi.fn();
    permissionRequestHandler({}, permission, callback);
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]![0] as boolean;
  };

  it('grants desktop notifications only', () => {
    expect([...GRANTED_PERMISSIONS]).toEqual(['notifications']);
    expect(requested('notifications')).toBe(true);
    expect(permissionCheckHandler(null, 'notifications')).toBe(true);
  });

  // Electron's permission names (session.setPermissionRequestHandler), and a few it may add.
  it.each([
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'openExternal',
    'pointerLock',
    'keyboardLock',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'bluetooth',
    'unknown',
    'Notifications',
    '',
  ])('refuses %j', (permission) => {
    expect(requested(permission)).toBe(false);
    expect(permissionCheckHandler(null, permission)).toBe(false);
  });
});
