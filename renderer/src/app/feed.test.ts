import { afterEach, describe, expect, it } from 'vitest';
import type { FleetClient } from '../../../shared/client';
import type { FleetTick } from '../../../shared/contract';
import { err, ok } from '../../../shared/result';
import { resetStore, useAppStore } from '../store/appStore';
import { startFeed } from './feed';

afterEach(() => resetStore());

function fakeClient(answers: Record<string, unknown>) {
  const calls: string[] = [];
  let listener: ((t: FleetTick) => void) | null = null;
  const client = {
    call: async (name: string) => {
      calls.push(name);
      return answers[name];
    },
    on: (_name: string, l: (t: FleetTick) => void) => {
      listener = l;
      return () => {
        listener = null;
      };
    },
  } as unknown as FleetClient;
  return { client, calls, emit: (t: FleetTick) => listener?.(t), subscribed: () => listener !== null };
}

const totals = { at: 5, sitesTotal: 0, sitesUp: 0, gpus: 0, gpusReporting: 0, utilPct: null, powerKw: null };
const session = {
  role: 'operator',
  actor: { osUser: 'ops', profile: 'default', session: 'abc123' },
  permissions: ['view', 'ssh', 'drain', 'plan.relieve', 'audit.export'],
  adminPassphraseSet: false,
};
const info = {
  name: 'Fleet Console',
  version: '0.1.0',
  shell: 'test',
  fleetSource: 'demo',
  configDir: null,
  intervalMs: 1000,
};

describe('startFeed', () => {
  it('loads info, session, snapshot and history, and subscribes to ticks', async () => {
    const f = fakeClient({
      'app.info': ok(info),
      'session.get': ok(session),
      'fleet.snapshot': ok({ totals, sites: [] }),
      'fleet.history': ok({ t: [1, 2], utilPct: [3, null], powerKw: [4, 5] }),
    });
    const feed = startFeed(f.client);
    await feed.reload();
    expect(f.subscribed()).toBe(true);
    const s = useAppStore.getState();
    expect(s.appInfo?.version).toBe('0.1.0');
    expect(s.session?.role).toBe('operator');
    expect(s.session?.actor.osUser).toBe('ops');
    expect(s.totals?.at).toBe(5);
    expect(s.utilHistory).toEqual([
      { t: 1, v: 3 },
      { t: 2, v: null },
    ]);
    f.emit({ totals: { ...totals, at: 6 }, sites: [], point: { t: 6, utilPct: 7, powerKw: 8 } });
    expect(useAppStore.getState().totals?.at).toBe(6);
    feed.stop();
    expect(f.subscribed()).toBe(false);
  });

  it('turns a failed call into a notice with its message, and clears it on success', async () => {
    const answers: Record<string, unknown> = {
      'app.info': ok(info),
      'session.get': ok(session),
      'fleet.snapshot': err('UNAVAILABLE', 'The core is starting; try again in a moment.'),
      'fleet.history': ok({ t: [], utilPct: [], powerKw: [] }),
    };
    const f = fakeClient(answers);
    const feed = startFeed(f.client);
    await feed.reload();
    expect(useAppStore.getState().notices).toEqual([
      { source: 'fleet.snapshot', message: 'The core is starting; try again in a moment.' },
    ]);
    answers['fleet.snapshot'] = ok({ totals, sites: [] });
    await feed.reload();
    expect(useAppStore.getState().notices).toEqual([]);
    feed.stop();
  });

  it('reloads after the transport re-opens, not on the first open', async () => {
    const f = fakeClient({
      'app.info': ok(info),
      'session.get': ok(session),
      'fleet.snapshot': ok({ totals, sites: [] }),
      'fleet.history': ok({ t: [], utilPct: [], powerKw: [] }),
    });
    const feed = startFeed(f.client);
    await feed.reload();
    const before = f.calls.length;
    feed.onTransportState('open');
    expect(f.calls.length).toBe(before);
    feed.onTransportState('closed');
    expect(useAppStore.getState().connection).toBe('closed');
    feed.onTransportState('open');
    expect(useAppStore.getState().connection).toBe('open');
    // Every start-up call again, the session included: a served reconnect is a new session.
    expect(f.calls.slice(before).sort()).toEqual([
      'app.info',
      'fleet.history',
      'fleet.snapshot',
      'session.get',
    ]);
    feed.stop();
  });
});
