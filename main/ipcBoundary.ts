/**
 * The one place IPC handlers are registered. What happens to each message (sender checked, payload
 * parsed by the dispatcher before a handler runs, events only to the app's own window) lives in
 * core/security/ipcGate.ts, where it is tested without Electron; this file only wires it to ipcMain.
 */
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, EVENT_NAMES } from '../shared/channels';
import type { Dispatch, EventSource } from './core/api/dispatcher';
import { createIpcGate } from './core/security/ipcGate';
import type { SenderFacts } from './core/security/isTrustedSender';
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
  const gate = createIpcGate({
    dispatch: o.dispatch,
    events: o.events,
    session: o.session,
    allowed: o.allowed,
    deliver: (name, payload) => {
      if (!o.window.isDestroyed()) o.window.webContents.send(`event:${name}`, payload);
    },
    log: o.log,
  });
  const senderOf = (e: IpcMainInvokeEvent | IpcMainEvent): SenderFacts => ({
    url: e.senderFrame?.url,
    isMainFrameOfAppWindow:
      e.sender === o.window.webContents && e.senderFrame === o.window.webContents.mainFrame,
  });
  const offs: (() => void)[] = [];
  for (const name of CALL_NAMES) {
    const channel = `call:${name}`;
    ipcMain.handle(channel, (e, payload: unknown) => gate.call(name, senderOf(e), payload));
    offs.push(() => ipcMain.removeHandler(channel));
  }
  for (const name of EVENT_NAMES) {
    const channel = `subscribe:${name}`;
    const onSubscribe = (e: IpcMainEvent) => gate.subscribe(name, senderOf(e));
    ipcMain.on(channel, onSubscribe);
    offs.push(() => ipcMain.removeListener(channel, onSubscribe));
  }
  return () => {
    offs.forEach((f) => f());
    gate.close();
  };
}
