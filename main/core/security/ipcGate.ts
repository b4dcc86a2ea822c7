/**
 * What the desktop IPC boundary does with each message, without Electron (main/ipcBoundary.ts only
 * wires it to ipcMain): a call runs only when its sender is the app's own main frame, and then goes
 * through the dispatcher, which parses the payload against the contract before any handler sees it.
 * A subscription is made once per event, for a trusted sender only, and delivers to the app's own
 * window alone.
 */
import type { CallName, EventName } from '../../../shared/channels';
import { err, type Result } from '../../../shared/result';
import type { Dispatch, EventSource } from '../api/dispatcher';
import type { Session } from '../session/sessions';
import { isTrustedSender, type SenderFacts } from './isTrustedSender';

export interface IpcGateOptions {
  dispatch: Dispatch;
  events: EventSource;
  /** The window's session: its role applies to every call the window makes. */
  session: Session;
  allowed: { origins: readonly string[]; fileIndex?: string };
  /** Sends an event to the app's own window (and nowhere else). */
  deliver: (name: EventName, payload: unknown) => void;
  log: (msg: string) => void;
}

export interface IpcGate {
  call(name: CallName, sender: SenderFacts, payload: unknown): Promise<Result<unknown>>;
  subscribe(name: EventName, sender: SenderFacts): void;
  /** Ends every subscription (the window closed). */
  close(): void;
}

const describe = (sender: SenderFacts) =>
  `${sender.url ?? 'an unknown frame'}${sender.isMainFrameOfAppWindow ? '' : ' (not the app window)'}`;

export function createIpcGate(o: IpcGateOptions): IpcGate {
  const subscriptions = new Map<EventName, () => void>();
  return {
    async call(name, sender, payload) {
      if (!isTrustedSender(sender, o.allowed)) {
        o.log(`[ipc] refused "${name}" from ${describe(sender)}`);
        return err('UNAUTHORIZED', 'This window may not call the console core.');
      }
      return o.dispatch(name, payload, { session: o.session });
    },
    subscribe(name, sender) {
      if (!isTrustedSender(sender, o.allowed)) {
        o.log(`[ipc] refused a subscription to "${name}" from ${describe(sender)}`);
        return;
      }
      if (subscriptions.has(name)) return;
      subscriptions.set(
        name,
        o.events.subscribe(name, (payload) => o.deliver(name, payload), { session: o.session }),
      );
    },
    close() {
      for (const off of subscriptions.values()) off();
      subscriptions.clear();
    },
  };
}
