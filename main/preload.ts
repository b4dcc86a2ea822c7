/**
 * The preload: exposes exactly one function per contract entry on `window.fleetConsole`
 * (Electron security checklist: never a generic send/invoke/on). Names come from shared/channels,
 * so adding a contract entry adds its function here with no hand wiring.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, EVENT_NAMES, type PreloadBridge } from '../shared/channels';

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (payload: unknown) => ipcRenderer.invoke(`call:${name}`, payload)]),
) as PreloadBridge['calls'];

const events = Object.fromEntries(
  EVENT_NAMES.map((name) => [
    name,
    (listener: (payload: unknown) => void) => {
      const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(`event:${name}`, wrapped);
      ipcRenderer.send(`subscribe:${name}`);
      return () => {
        ipcRenderer.removeListener(`event:${name}`, wrapped);
      };
    },
  ]),
) as PreloadBridge['events'];

const bridge: PreloadBridge = { calls, events };
contextBridge.exposeInMainWorld('fleetConsole', bridge);
