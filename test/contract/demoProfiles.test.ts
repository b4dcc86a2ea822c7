import { afterAll, beforeAll, expect, it } from 'vitest';
import { CITIES } from '../../main/core/sim/cities';
import type { Core } from '../../main/core/createCore';
import { startTestCore, windowOn } from './testCore';

/** Every simulated city's profile passes the contract: tariffs in yen, won or pesos included. */
let core: Core;
beforeAll(async () => {
  core = await startTestCore({ demo: { seed: 1, sites: CITIES.length, nodesPerSite: 1 } });
}, 60_000);
afterAll(() => core.stop());

it('sites.list answers for a demo fleet of every simulated city', async () => {
  const r = await windowOn(core).call('sites.list', {});
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.profiles).toHaveLength(CITIES.length);
  expect(r.value.profiles.every((p) => p.tariff && p.pue && p.powerCapacityKw)).toBe(true);
});
