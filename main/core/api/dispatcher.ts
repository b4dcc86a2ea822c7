import { CALL_NAMES, EVENT_NAMES, type CallName, type EventName } from '../../../shared/channels';
import { calls, type CallRequestParsed, type CallResponse } from '../../../shared/contract';
import { err, type Result } from '../../../shared/result';
import { describeZodError } from '../../../shared/wire';

export type Handlers = {
  [N in CallName]: (
    request: CallRequestParsed<N>,
  ) => Promise<Result<CallResponse<N>>> | Result<CallResponse<N>>;
};

/** Where transports subscribe to the core's event streams. */
export interface EventSource {
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

export type Dispatch = (name: unknown, payload: unknown) => Promise<Result<unknown>>;

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

/**
 * The one boundary every transport calls (the vscode ipc.ts shape): it checks the call exists,
 * parses the payload with the contract's schema, runs the handler, and turns anything thrown into
 * an INTERNAL error value — a stack trace never crosses to the UI.
 */
export function createDispatcher(handlers: Handlers, log: (msg: string) => void = console.error): Dispatch {
  return async (name, payload) => {
    if (!isCallName(name))
      return err('UNKNOWN_CALL', `There is no call named "${String(name).slice(0, 80)}".`);
    const parsed = calls[name].request.safeParse(payload ?? {});
    if (!parsed.success)
      return err(
        'INVALID_REQUEST',
        `"${name}" was called with a bad request: ${describeZodError(parsed.error)}`,
      );
    try {
      const handler = handlers[name] as (req: unknown) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(parsed.data);
    } catch (e) {
      log(`[core] handler "${name}" threw: ${(e as Error)?.stack ?? String(e)}`);
      return err('INTERNAL', `"${name}" failed inside the console core. The console's log has the details.`);
    }
  };
}
