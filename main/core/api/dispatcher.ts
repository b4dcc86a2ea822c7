import { CALL_NAMES, EVENT_NAMES, type CallName, type EventName } from '../../../shared/channels';
import { calls, type CallRequestParsed, type CallResponse } from '../../../shared/contract';
import { err, type Result } from '../../../shared/result';
import { ROLE_LABELS, can } from '../../../shared/roles';
import { describeZodError } from '../../../shared/wire';
import type { AuditInput } from '../audit/auditLog';
import type { Session } from '../session/sessions';

/** What every handler learns about its caller. */
export interface CallContext {
  session: Session;
}

export type Handlers = {
  [N in CallName]: (
    request: CallRequestParsed<N>,
    ctx: CallContext,
  ) => Promise<Result<CallResponse<N>>> | Result<CallResponse<N>>;
};

/**
 * Where transports subscribe to the core's event streams. The subscriber's context lets a stream
 * deliver only what belongs to that window (a terminal's output goes to the window that opened it).
 */
export interface EventSource {
  subscribe(name: EventName, listener: (payload: unknown) => void, ctx: CallContext): () => void;
}

export type Dispatch = (name: unknown, payload: unknown, ctx: CallContext) => Promise<Result<unknown>>;

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

export interface DispatcherOptions {
  log?: (msg: string) => void;
  /** Records refused calls; a role check that fails is itself an auditable event. */
  audit?: (entry: AuditInput) => Promise<unknown>;
}

/**
 * The one boundary every transport calls (the vscode ipc.ts shape): it checks the call exists,
 * parses the payload with the contract's schema, checks the caller's role may make the call (in the
 * core, not only by hiding buttons), runs the handler, and turns anything thrown into an INTERNAL
 * error value — a stack trace never crosses to the UI.
 */
export function createDispatcher(handlers: Handlers, opts: DispatcherOptions = {}): Dispatch {
  const log = opts.log ?? console.error;
  return async (name, payload, ctx) => {
    // Not String(name): it throws on an object without a prototype, and the promise would reject.
    if (!isCallName(name))
      return err(
        'UNKNOWN_CALL',
        `There is no call named "${typeof name === 'string' ? name.slice(0, 80) : `(a ${typeof name})`}".`,
      );
    const spec = calls[name];
    if (!can(ctx.session.role, spec.permission)) {
      const message = `${ROLE_LABELS[ctx.session.role]} may not call "${name}" (needs "${spec.permission}"). Switch role in the header.`;
      await opts
        .audit?.({
          actor: ctx.session.actor,
          role: ctx.session.role,
          action: name,
          outcome: 'denied',
          message,
        })
        .catch((e: Error) => log(`[core] could not audit a refused call: ${e.message}`));
      return err('FORBIDDEN', message);
    }
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success)
      return err(
        'INVALID_REQUEST',
        `"${name}" was called with a bad request: ${describeZodError(parsed.error)}`,
      );
    try {
      const handler = handlers[name] as (
        req: unknown,
        ctx: CallContext,
      ) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(parsed.data, ctx);
    } catch (e) {
      log(`[core] handler "${name}" threw: ${(e as Error)?.stack ?? String(e)}`);
      return err('INTERNAL', `"${name}" failed inside the console core. The console's log has the details.`);
    }
  };
}
