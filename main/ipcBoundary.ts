/**
 * The one place IPC handlers are registered: every message's sender is checked and every payload
 * parsed (by the dispatcher) before a handler runs. Events go only to the app's own window.
 */
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, EVENT_NAMES } from '../shared/channels';
import { err } from '../shared/result';
import type { Dispatch, EventSource } from './core/api/dispatcher';
import { isTrustedSender } from './core/security/isTrustedSender';
import type { Session } from './core/session/sessions';

export interface BoundaryOptions {
  window: BrowserWindow;
  dispatch: Dispatch;
  events: EventSource;
  /** The window's session: its role applies to every call the window makes. */
  session: Session;
  allowed: { origins: string[]; fileIndex?: string };
  log: (msg: string) => void;
}

export function registerIpcBoundary(o: BoundaryOptions): () => void {
  const trusted = (e: IpcMainInvokeEvent | IpcMainEvent) =>
    isTrustedSender(
      {
        url: e.senderFrame?.url,
        isMainFrameOfAppWindow:
          e.sender === o.window.webContents && e.senderFrame === o.window.webContents.mainFrame,
      },
      o.allowed,
    );
  const offs: (() => void)[] = [];
  for (const name of CALL_NAMES) {
    const channel = `call:${name}`;
    ipcMain.handle(channel, async (e, payload: unknown) => {
      if (!trusted(e)) {
        o.log(`[ipc] refused "${name}" from ${e.senderFrame?.url ?? 'an unknown frame'}`);
        return err('UNAUTHORIZED', 'This window may not call the console core.');
      }
      return o.dispatch(name, payload, { session: o.session });
    });
    offs.push(() => ipcMain.removeHandler(channel));
  }
  for (const name of EVENT_NAMES) {
    const channel = `subscribe:${name}`;
    let off: (() => void) | null = null;
    const onSubscribe = (e: IpcMainEvent) => {
      if (!trusted(e) || off) return;
      off = o.events.subscribe(
        name,
        (payload) => {
          if (!o.window.isDestroyed()) o.window.webContents.send(`event:${name}`, payload);
        },
        { session: o.session },
      );
    };
    ipcMain.on(channel, onSubscribe);
    offs.push(() => {
      ipcMain.removeListener(channel, onSubscribe);
      off?.();
    });
  }
  return () => offs.forEach((f) => f());
}
