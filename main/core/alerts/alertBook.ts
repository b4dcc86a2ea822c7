import { isSilenced, severityRank, type Alert } from '../../../shared/alerts';
import { err, ok, type Result } from '../../../shared/result';

/**
 * One alert key's record: the alert as the list shows it, plus the condition timers the engine needs.
 * Entries exist only for conditions that are true or alerts that exist (pending, firing, or resolved
 * within retention), so a healthy fleet has an empty book.
 */
export interface Tracked {
  readonly alert: Alert;
  /** Epoch ms since when the condition has held without a false reading; null while it is false. */
  readonly trueSince: number | null;
  /** Epoch ms since when a firing alert's condition has been false; null while it holds. */
  readonly falseSince: number | null;
}

/** The engine's whole state between ticks. Treated as immutable: every change returns a new book. */
export interface AlertBook {
  readonly entries: ReadonlyMap<string, Tracked>;
}

export const emptyAlertBook = (): AlertBook => ({ entries: new Map() });

function replace(book: AlertBook, key: string, tr: Tracked, alert: Alert): AlertBook {
  const entries = new Map(book.entries);
  entries.set(key, { ...tr, alert });
  return { entries };
}

/** Marks a pending or firing alert as seen by `who`. A resolved one has nothing left to acknowledge. */
export function acknowledge(book: AlertBook, key: string, who: string, at: number): Result<AlertBook> {
  const tr = book.entries.get(key);
  if (!tr) return err('NOT_FOUND', `no alert "${key}": it resolved and aged out; refresh the list`);
  if (tr.alert.state === 'resolved')
    return err('NOT_FOUND', `"${tr.alert.title}" already resolved; there is nothing to acknowledge`);
  return ok(replace(book, key, tr, { ...tr.alert, acknowledgedBy: who, acknowledgedAt: at }));
}

/**
 * Silences an alert key until `untilMs`: it keeps evaluating and stays in the list, flagged, and the
 * silence covers the key, so a flapping alert that resolves and returns stays quiet. evaluateAlerts
 * lifts it once its tick reaches untilMs. An untilMs at or before `at` lifts a silence now.
 */
export function silence(
  book: AlertBook,
  key: string,
  untilMs: number,
  who: string,
  at: number,
): Result<AlertBook> {
  const tr = book.entries.get(key);
  if (!tr) return err('NOT_FOUND', `no alert "${key}": it resolved and aged out; refresh the list`);
  const lift = untilMs <= at;
  return ok(
    replace(book, key, tr, {
      ...tr.alert,
      silencedUntil: lift ? null : untilMs,
      silencedBy: lift ? null : who,
    }),
  );
}

export type ActiveAlert = Alert & { silenced: boolean };

/**
 * The firing alerts, most severe first and newest first within a severity (then by key, so the order
 * is stable). Pending alerts are not shown: their condition has not held long enough to mean anything.
 */
export function activeAlerts(book: AlertBook, at: number): ActiveAlert[] {
  const out: ActiveAlert[] = [];
  for (const { alert } of book.entries.values())
    if (alert.state === 'firing') out.push({ ...alert, silenced: isSilenced(alert, at) });
  return out.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      b.firstSeen - a.firstSeen ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
