import type { CallName, EventName } from '../../../shared/channels';
import type { ClientTransport } from '../../../shared/client';
import { ServerFrameSchema, type ClientFrame } from '../../../shared/wire';

/**
 * The served transport: one WebSocket to the page's own origin. The access token travels in the
 * HttpOnly cookie the server set when the page was opened with ?token=…, so no script ever holds it.
 * Calls made while the socket is (re)connecting wait for it; subscriptions are replayed on reconnect.
 */
export function createWsTransport(
  url: string,
  onState?: (state: 'open' | 'closed') => void,
): ClientTransport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 500;
  const pending = new Map<number, (result: unknown) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const queue: ClientFrame[] = [];

  const send = (frame: ClientFrame) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    else queue.push(frame);
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 500;
      onState?.('open');
      for (const name of listeners.keys()) ws.send(JSON.stringify({ type: 'subscribe', name }));
      for (const frame of queue.splice(0)) ws.send(JSON.stringify(frame));
    };
    ws.onmessage = (ev) => {
      let data: unknown;
      try {
        data = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      const frame = ServerFrameSchema.safeParse(data);
      if (!frame.success) return;
      const f = frame.data;
      if (f.type === 'result') {
        pending.get(f.id)?.(f.result);
        pending.delete(f.id);
      } else if (f.type === 'event') {
        listeners.get(f.name)?.forEach((l) => l(f.payload));
      }
    };
    ws.onclose = () => {
      onState?.('closed');
      // Calls in flight will never be answered by this socket: fail them as values.
      for (const [id, resolve] of pending) {
        resolve({
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'Lost the connection to the console core; retrying.' },
        });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };
  connect();

  return {
    call(name: CallName, payload: unknown) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'call', id, name, payload });
      });
    },
    subscribe(name: EventName, listener: (payload: unknown) => void) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        send({ type: 'subscribe', name });
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(name);
          send({ type: 'unsubscribe', name });
        }
      };
    },
  };
}
