import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError, Result } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import type { ActionKind, ActionState } from './schedulerText';

export const nodeKey = (hostname: string): string => `node:${hostname}`;
export const jobKey = (jobId: number): string => `job:${jobId}`;

export interface SchedulerActions {
  /** By nodeKey / jobKey. */
  states: Readonly<Record<string, ActionState>>;
  /** Each resolves with the core's error, or null once the scheduler accepted. */
  drain(hostname: string, reason: string): Promise<AppError | null>;
  resume(hostname: string): Promise<AppError | null>;
  requeue(jobId: number): Promise<AppError | null>;
  dismiss(key: string): void;
}

/**
 * Drain, resume and requeue for one site's panel. Each takes a second or two (scontrol over SSH), so
 * the state of each node's and job's last action is kept here for its row to show; on success the
 * detail is fetched again at once. A second action on the same thing while one runs is ignored.
 */
export function useSchedulerActions(
  siteId: string,
  refresh: () => void,
  schedulerAnswers: number,
): SchedulerActions {
  const client = useClient();
  const [states, setStates] = useState<Record<string, ActionState>>({});
  const busy = useRef(new Set<string>());
  const answers = useRef(schedulerAnswers);
  useEffect(() => {
    answers.current = schedulerAnswers;
  }, [schedulerAnswers]);

  const run = useCallback(
    async (key: string, kind: ActionKind, call: () => Promise<Result<unknown>>): Promise<AppError | null> => {
      if (busy.current.has(key))
        return { code: 'INVALID_REQUEST', message: 'This is still running; wait for its answer.' };
      busy.current.add(key);
      setStates((s) => ({ ...s, [key]: { phase: 'busy', kind } }));
      const r = await call();
      busy.current.delete(key);
      setStates((s) => ({
        ...s,
        [key]: r.ok
          ? { phase: 'sent', kind, answers: answers.current }
          : { phase: 'failed', kind, message: r.error.message },
      }));
      if (r.ok) refresh();
      return r.ok ? null : r.error;
    },
    [refresh],
  );

  const drain = useCallback(
    (hostname: string, reason: string) =>
      run(nodeKey(hostname), 'drain', () =>
        client.call('node.drain', { siteId, hostname, reason: reason.trim() }),
      ),
    [client, run, siteId],
  );
  const resume = useCallback(
    (hostname: string) =>
      run(nodeKey(hostname), 'resume', () => client.call('node.resume', { siteId, hostname })),
    [client, run, siteId],
  );
  const requeue = useCallback(
    (jobId: number) => run(jobKey(jobId), 'requeue', () => client.call('job.requeue', { siteId, jobId })),
    [client, run, siteId],
  );
  const dismiss = useCallback((key: string) => {
    setStates((s) => {
      if (!(key in s) || s[key]!.phase === 'busy') return s;
      const next = { ...s };
      delete next[key];
      return next;
    });
  }, []);

  return useMemo(
    () => ({ states, drain, resume, requeue, dismiss }),
    [states, drain, resume, requeue, dismiss],
  );
}
