import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { CallName } from '../../../shared/channels';
import type { CallRequest, CallResponse } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { useClient } from '../app/clientContext';
import { useAppStore } from '../store/appStore';
import { createCallLoop, initialTickCall, tickCallReducer, type CallLoop } from './tickCall';

export interface TickCall<T> {
  /** The last good answer to the current request; kept beside an error. */
  value: T | null;
  /** The last call failed (`value`, if any, is older). */
  error: AppError | null;
  /** On, and no answer to the current request yet. */
  loading: boolean;
  /** Call again now (after an action); if a call is in flight, once it answers. */
  refresh(): void;
  /** Change the value shown until the next answer; the answer in flight, which may predate it, is dropped. */
  patch(update: (value: T) => T): void;
}

export interface TickCallOptions {
  /** Off: no calls, and nothing kept, so switching back on never shows an old answer as current. */
  enabled?: boolean;
}

/**
 * `name` with `request` on mount and again on every fleet tick (`tickSeq`), at most one call in flight:
 * a tick meanwhile is skipped, not queued (the next one catches up); `refresh` is queued. The last good
 * answer stays beside an error. Answers to an earlier request (another site selected, the call switched
 * off) or arriving after unmount are dropped.
 */
export function useTickCall<N extends CallName>(
  name: N,
  request: CallRequest<N>,
  { enabled = true }: TickCallOptions = {},
): TickCall<CallResponse<N>> {
  const client = useClient();
  // A request is wire data (JSON): its JSON names it, so a new object each render is no change.
  const json = JSON.stringify(request);
  const key = enabled ? `${name} ${json}` : null;
  const [state, dispatch] = useReducer(tickCallReducer<CallResponse<N>>, key, initialTickCall);
  // Another request starts from nothing at once, not a frame later (React: "adjusting state when a prop
  // changes").
  if (state.key !== key) dispatch({ type: 'request', key });
  const loop = useRef<CallLoop | null>(null);

  useEffect(() => {
    if (key === null) return undefined;
    const payload = JSON.parse(json) as CallRequest<N>;
    const current = createCallLoop(
      () => client.call(name, payload),
      (result) => dispatch({ type: 'answer', key, result }),
    );
    loop.current = current;
    current.tick();
    // Subscribed rather than selected, so a tick re-renders the caller only when an answer arrives.
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.tickSeq !== prev.tickSeq) current.tick();
    });
    return () => {
      current.stop();
      unsubscribe();
      if (loop.current === current) loop.current = null;
    };
  }, [client, name, key, json]);

  const refresh = useCallback(() => loop.current?.refresh(), []);
  const patch = useCallback((update: (value: CallResponse<N>) => CallResponse<N>) => {
    loop.current?.forget();
    dispatch({ type: 'patch', update });
  }, []);

  return { value: state.value, error: state.error, loading: state.loading, refresh, patch };
}
