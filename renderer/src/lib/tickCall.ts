import type { AppError, Result } from '../../../shared/result';

/** One request's answers as a page shows them: the last good value, and the last error beside it. */
export interface TickCallState<T> {
  /** The request these answers belong to (name and payload); null while the call is switched off. */
  key: string | null;
  /** The last good answer; kept beside an error, so the page says how old it is rather than going blank. */
  value: T | null;
  /** The last call failed (`value`, if any, is older). */
  error: AppError | null;
  /** The request is on and has had no answer, good or bad, yet. */
  loading: boolean;
}

export type TickCallAction<T> =
  /** The request changed (another site, the mode switched on or off): start from nothing. */
  | { type: 'request'; key: string | null }
  | { type: 'answer'; key: string; result: Result<T> }
  /** A change made here that the core will report on its next answer (a policy just saved). */
  | { type: 'patch'; update: (value: T) => T };

export const initialTickCall = <T>(key: string | null): TickCallState<T> => ({
  key,
  value: null,
  error: null,
  loading: key !== null,
});

export function tickCallReducer<T>(state: TickCallState<T>, action: TickCallAction<T>): TickCallState<T> {
  switch (action.type) {
    case 'request':
      return action.key === state.key ? state : initialTickCall(action.key);
    case 'answer':
      // An answer to a request no longer shown (asked before another site was selected) is dropped.
      if (action.key !== state.key) return state;
      // Keep the last good value beside an error: stale numbers labelled as such beat a blank page.
      return action.result.ok
        ? { key: state.key, value: action.result.value, error: null, loading: false }
        : { ...state, error: action.result.error, loading: false };
    case 'patch':
      return state.value === null ? state : { ...state, value: action.update(state.value) };
  }
}

export interface CallLoop {
  /** Call now unless a call is in flight: a tick meanwhile is skipped, the next one catches up. */
  tick(): void;
  /** Call now, or once the call in flight has answered (after an action, its answer may predate it). */
  refresh(): void;
  /** Drop the answer of the call in flight: it may predate a change made here meanwhile. */
  forget(): void;
  /** Drop every answer from now on and call no more (unmounted, or the request changed). */
  stop(): void;
}

/** At most one `call` in flight, each answer handed to `onAnswer` unless forgotten or stopped. */
export function createCallLoop<A>(call: () => Promise<A>, onAnswer: (answer: A) => void): CallLoop {
  let inFlight = false;
  let again = false;
  let stopped = false;
  /** Bumped by forget: an answer asked for before it is dropped. */
  let generation = 0;

  const tick = (): void => {
    if (stopped || inFlight) return;
    inFlight = true;
    const asked = generation;
    void call().then((answer) => {
      inFlight = false;
      if (stopped) return;
      if (asked === generation) onAnswer(answer);
      if (again) {
        again = false;
        tick();
      }
    });
  };

  return {
    tick,
    refresh() {
      if (inFlight) again = true;
      else tick();
    },
    forget() {
      generation++;
    },
    stop() {
      stopped = true;
    },
  };
}
