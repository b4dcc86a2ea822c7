import type { CallName, EventName } from './channels';
import { calls, events, type CallRequest, type CallResponse, type EventPayload } from './contract';
import { err, type Result } from './result';
import { describeZodError } from './wire';
import { z } from 'zod';

/** What a transport must provide to the client: raw calls and raw event subscriptions. */
export interface ClientTransport {
  call(name: CallName, payload: unknown): Promise<unknown>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

export interface FleetClient {
  call<N extends CallName>(name: N, request: CallRequest<N>): Promise<Result<CallResponse<N>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The typed client both the renderer and the contract tests use. It trusts nothing the transport hands
 * back: results and events are parsed with the contract's schemas, and a mismatch becomes an error value.
 */
export function createClient(transport: ClientTransport, onBadEvent?: (msg: string) => void): FleetClient {
  return {
    async call(name, request) {
      let raw: unknown;
      try {
        raw = await transport.call(name, request);
      } catch (e) {
        return err('UNAVAILABLE', `The console core did not answer "${name}": ${String(e)}`);
      }
      const envelope = ResultEnvelope.safeParse(raw);
      if (!envelope.success) return err('BAD_RESPONSE', `"${name}" answered a malformed result`);
      if (!envelope.data.ok) return raw as Result<never>;
      const parsed = calls[name].response.safeParse(envelope.data.value);
      if (!parsed.success)
        return err(
          'BAD_RESPONSE',
          `"${name}" answered data that breaks the contract: ${describeZodError(parsed.error)}`,
        );
      return { ok: true, value: parsed.data as CallResponse<typeof name> };
    },
    on(name, listener) {
      return transport.subscribe(name, (payload) => {
        const parsed = events[name].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof name>);
        else onBadEvent?.(`event "${name}" broke the contract: ${describeZodError(parsed.error)}`);
      });
    },
  };
}
