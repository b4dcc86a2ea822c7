import { xidMeaning } from '../../../../shared/alerts';
import { NO_DATA } from '../../lib/format';
import type { GpuRow } from '../../../../shared/nodes';

/** 0..1 for a bar, or null when either side is unknown (the bar is then not drawn at all). */
export function fraction(value: number | null, max: number | null): number | null {
  if (value === null || max === null || !(max > 0)) return null;
  return Math.max(0, Math.min(1, value / max));
}

const gib = (mib: number) => (mib / 1024).toFixed(1);

/** Framebuffer "61.2 / 80.0 GiB" from used and free MiB; unknown → "—". */
export function framebufferText(used: number | null, free: number | null): string {
  if (used === null) return NO_DATA;
  return free === null ? `${gib(used)} GiB used` : `${gib(used)} / ${gib(used + free)} GiB`;
}

/** "612 / 700 W"; an unknown limit shows the reading alone, an unknown reading is "—". */
export function powerText(g: Pick<GpuRow, 'powerW' | 'powerLimitW'>): string {
  if (g.powerW === null) return NO_DATA;
  return g.powerLimitW === null
    ? `${g.powerW.toFixed(0)} W`
    : `${g.powerW.toFixed(0)} / ${g.powerLimitW.toFixed(0)} W`;
}

/** Where the power limit came from, for the bar's caption. */
export function limitSourceText(source: GpuRow['powerLimitSource']): string {
  return source === 'dcgm'
    ? 'limit from DCGM'
    : source === 'model'
      ? 'limit: model default'
      : 'limit unknown';
}

export const clockText = (mhz: number | null): string => (mhz === null ? NO_DATA : `${mhz.toFixed(0)} MHz`);

/** SM and memory clocks on one short line: "2505 / 9001 MHz"; a missing one is "—", both missing "—". */
export function clocksText(sm: number | null, mem: number | null): string {
  if (sm === null && mem === null) return NO_DATA;
  const v = (x: number | null) => (x === null ? NO_DATA : x.toFixed(0));
  return `${v(sm)} / ${v(mem)} MHz`;
}

/** DCGM reports the last XID since the driver loaded, 0 meaning none; null means not exported. */
export function xidText(xid: number | null): { text: string; title: string; bad: boolean } {
  if (xid === null) return { text: NO_DATA, title: 'not reported by this exporter', bad: false };
  if (xid === 0) return { text: 'none', title: 'no XID since the driver loaded', bad: false };
  return { text: `XID ${xid}`, title: xidMeaning(xid), bad: true };
}

/** Row-remap failure: 0 none, more means the GPU could not remap a failing memory row. */
export function remapText(v: number | null): { text: string; bad: boolean } {
  if (v === null) return { text: NO_DATA, bad: false };
  return v > 0 ? { text: 'failed — replace the GPU', bad: true } : { text: 'none', bad: false };
}
