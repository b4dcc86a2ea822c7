import type { BroadcastProgress } from '../../../../shared/terminal';
import type { AppSlice } from '../../store/types';
import { applyProgress, newRun, startedRun, type BroadcastRun } from './broadcastRun';
import { addTargets, removeTargets, type Target } from './targets';

/**
 * The Broadcast area's state, kept in the store so a run goes on (and its progress keeps arriving)
 * while the operator looks at another area: the chosen targets and the current run.
 */
export interface BroadcastSlice {
  broadcastTargets: Target[];
  broadcastRun: BroadcastRun | null;

  /** Adds up to the cap; returns how many did not fit. */
  addBroadcastTargets(targets: readonly Target[]): number;
  removeBroadcastTargets(targets: readonly Target[]): void;
  clearBroadcastTargets(): void;
  broadcastStarting(command: string, targets: readonly Target[]): void;
  broadcastStarted(broadcastId: string): void;
  broadcastFailed(message: string): void;
  applyBroadcastProgress(progress: BroadcastProgress): void;
  broadcastCancelling(): void;
}

export const createBroadcastSlice: AppSlice<BroadcastSlice> = (set, get) => ({
  broadcastTargets: [],
  broadcastRun: null,

  addBroadcastTargets: (targets) => {
    const r = addTargets(get().broadcastTargets, targets);
    if (r.selected.length !== get().broadcastTargets.length) set({ broadcastTargets: r.selected });
    return r.skipped;
  },
  removeBroadcastTargets: (targets) =>
    set((s) => ({ broadcastTargets: removeTargets(s.broadcastTargets, targets) })),
  clearBroadcastTargets: () => set({ broadcastTargets: [] }),

  broadcastStarting: (command, targets) => set({ broadcastRun: newRun(command, targets) }),
  broadcastStarted: (broadcastId) =>
    set((s) => (s.broadcastRun ? { broadcastRun: startedRun(s.broadcastRun, broadcastId) } : s)),
  broadcastFailed: (message) =>
    set((s) =>
      s.broadcastRun ? { broadcastRun: { ...s.broadcastRun, error: message, cancelling: false } } : s,
    ),
  applyBroadcastProgress: (p) =>
    set((s) => {
      if (!s.broadcastRun) return s;
      const next = applyProgress(s.broadcastRun, p);
      return next === s.broadcastRun ? s : { broadcastRun: next };
    }),
  broadcastCancelling: () =>
    set((s) => (s.broadcastRun ? { broadcastRun: { ...s.broadcastRun, cancelling: true } } : s)),
});
