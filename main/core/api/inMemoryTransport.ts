import type { ClientTransport } from '../../../shared/client';
import type { CallContext, Dispatch, EventSource } from './dispatcher';

/**
 * A client transport wired straight to the dispatcher, with a JSON round trip on every message so
 * the contract tests see exactly what would cross a real boundary (no shared object identity,
 * no functions, no undefined). One transport is one session, like one window.
 */
export function createInMemoryTransport(
  dispatch: Dispatch,
  events: EventSource,
  ctx: CallContext,
): ClientTransport {
  const wire = <T>(v: T): unknown => JSON.parse(JSON.stringify(v ?? null));
  return {
    call: async (name, payload) => wire(await dispatch(name, wire(payload), ctx)),
    subscribe: (name, listener) => events.subscribe(name, (p) => listener(wire(p)), ctx),
  };
}
