import type { PreloadBridge } from '../../../shared/channels';
import { createClient, type ClientTransport, type FleetClient } from '../../../shared/client';
import { createWsTransport } from './wsTransport';

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by main/preload.ts. */
    fleetConsole?: PreloadBridge;
  }
}

function ipcTransport(bridge: PreloadBridge): ClientTransport {
  return {
    call: (name, payload) => bridge.calls[name](payload),
    subscribe: (name, listener) => bridge.events[name](listener),
  };
}

/**
 * Chosen once at start-up: the Electron preload's bridge when it exists, otherwise the served
 * WebSocket on this page's own origin. Nothing else in the renderer knows which one it got.
 */
export function pickTransport(onState?: (state: 'open' | 'closed') => void): {
  client: FleetClient;
  kind: 'ipc' | 'ws';
} {
  if (window.fleetConsole) {
    onState?.('open');
    return { client: createClient(ipcTransport(window.fleetConsole), console.warn), kind: 'ipc' };
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsTransport(`${scheme}//${location.host}/ws`, onState);
  return { client: createClient(ws, console.warn), kind: 'ws' };
}
