/**
 * Host availability as DePIN GPU hosts are paid on it (issue 4): per node and per site, for each UTC
 * day, the seconds the console watched and the seconds the subject was up. Uptime this month =
 * up / watched — time the console was not running is neither up nor down, and the figure says how
 * much it rests on. 35 days kept per subject, a few hundred bytes each.
 */
const DAYS = 35;
const DAY_MS = 86_400_000;

export interface DaySlo {
  /** YYYY-MM-DD (UTC) */
  day: string;
  watchedMin: number;
  offlineMin: number;
}

export interface Slo {
  /** Up / watched this calendar month (UTC); null before any watching. */
  monthUptimePct: number | null;
  monthWatchedMin: number;
  /** This month's days, oldest first. */
  days: DaySlo[];
}

export const SLO_TARGETS = { monthUptimePct: 99, offlineMinPerDay: 30 } as const;

class DayRing {
  readonly day = new Int32Array(DAYS).fill(-1);
  readonly watched = new Float32Array(DAYS);
  readonly up = new Float32Array(DAYS);

  add(tMs: number, watchedS: number, upS: number): void {
    const d = Math.floor(tMs / DAY_MS);
    const p = d % DAYS;
    if (this.day[p] !== d) {
      this.day[p] = d;
      this.watched[p] = 0;
      this.up[p] = 0;
    }
    this.watched[p]! += watchedS;
    this.up[p]! += upS;
  }
}

export class Availability {
  private readonly rings = new Map<string, DayRing>();

  /** Books `dtS` seconds of watching ending at tMs for a subject ("site" or "site/host"). */
  record(key: string, tMs: number, dtS: number, up: boolean): void {
    let r = this.rings.get(key);
    if (!r) this.rings.set(key, (r = new DayRing()));
    r.add(tMs, dtS, up ? dtS : 0);
  }

  slo(key: string, nowMs: number): Slo {
    const r = this.rings.get(key);
    const now = new Date(nowMs);
    const monthStart = Math.floor(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / DAY_MS);
    const today = Math.floor(nowMs / DAY_MS);
    const days: DaySlo[] = [];
    let watched = 0;
    let up = 0;
    for (let d = monthStart; d <= today; d++) {
      const p = d % DAYS;
      if (!r || r.day[p] !== d) continue;
      watched += r.watched[p]!;
      up += r.up[p]!;
      days.push({
        day: new Date(d * DAY_MS).toISOString().slice(0, 10),
        watchedMin: Math.round(r.watched[p]! / 60),
        offlineMin: Math.round((r.watched[p]! - r.up[p]!) / 60),
      });
    }
    return {
      monthUptimePct: watched > 0 ? (100 * up) / watched : null,
      monthWatchedMin: Math.round(watched / 60),
      days,
    };
  }

  retain(keep: (key: string) => boolean): void {
    for (const k of [...this.rings.keys()]) if (!keep(k)) this.rings.delete(k);
  }

  toJSON(): Record<string, { day: number[]; watched: number[]; up: number[] }> {
    const out: Record<string, { day: number[]; watched: number[]; up: number[] }> = {};
    for (const [k, r] of this.rings) out[k] = savedEntry(r);
    return out;
  }

  /**
   * toJSON's document as text pieces of 200 subjects each, for saveGzJsonPieces: at 20,000 nodes the
   * whole book stringified at once stalled the core for ~150 ms once a minute (issue 10's profile).
   */
  *jsonPieces(): Generator<string> {
    let piece = '{';
    let n = 0;
    for (const [k, r] of this.rings) {
      piece += `${n++ ? ',' : ''}${JSON.stringify(k)}:${JSON.stringify(savedEntry(r))}`;
      if (n % 200 === 0) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}}`;
  }

  /** Restores a saved book; entries of the wrong shape are skipped. */
  load(v: unknown): void {
    if (typeof v !== 'object' || v === null) return;
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
      const o = e as { day?: unknown; watched?: unknown; up?: unknown };
      const ok = (a: unknown): a is number[] =>
        Array.isArray(a) && a.length === DAYS && a.every((x) => typeof x === 'number' && Number.isFinite(x));
      if (!ok(o.day) || !ok(o.watched) || !ok(o.up)) continue;
      const r = new DayRing();
      r.day.set(o.day);
      r.watched.set(o.watched);
      r.up.set(o.up);
      this.rings.set(k, r);
    }
  }
}

const savedEntry = (r: DayRing) => ({ day: [...r.day], watched: [...r.watched], up: [...r.up] });
