const MINUTE = 60_000;
const STEPS_MIN = [1, 2, 3, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/**
 * Axis ticks on whole minutes (so "HH:MM" labels never repeat or drift) between `min` and `max`
 * (epoch ms), with the smallest step that gives at most `maxTicks` ticks.
 */
export function minuteTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const spanMin = (max - min) / MINUTE;
  const stepMin = STEPS_MIN.find((s) => spanMin / s <= maxTicks) ?? STEPS_MIN[STEPS_MIN.length - 1]!;
  const step = stepMin * MINUTE;
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) out.push(t);
  return out;
}
