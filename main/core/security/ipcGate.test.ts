import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/channels';
import { ok } from '../../../shared/result';
import { createDispatcher, type Handlers } from '../api/dispatcher';
import { newSession } from '../session/sessions';
import { createIpcGate } from './ipcGate';
import type { SenderFacts } from './isTrustedSender';

/** The desktop IPC boundary's decisions, without Electron: who may call, and with what. */
const fileIndex = '/opt/Fleet Console/resources/app/out/renderer/index.html';
const app: SenderFacts = {
  url: 'file:///opt/Fleet%20Console/resources/app/out/renderer/index.html',
  isMainFrameOfAppWindow: true,
};

function setup() {
  const history = vi.fn(() => ok({ t: [], utilPct: [], powerKw: [] }));
  const info = vi.fn(() =>
    ok({
      name: 'Fleet Console',
      version: 't',
      shell: 'desktop' as const,
      fleetSource: 'demo' as const,
      configDir: null,
      intervalMs: 1000,
    }),
  );
  const dispatch = vi.fn(
    createDispatcher({ 'fleet.history': history, 'app.info': info } as Partial<Handlers> as Handlers, {
      log: () => undefined,
    }),
  );
  const listeners = new Map<EventName, (payload: unknown) => void>();
  const unsubscribed: EventName[] = [];
  const subscribe = vi.fn((name: EventName, listener: (payload: unknown) => void) => {
    listeners.set(name, listener);
    return () => unsubscribed.push(name);
  });
  const delivered: [EventName, unknown][] = [];
  const log = vi.fn();
  const session = newSession('test', 'tester');
  const gate = createIpcGate({
    dispatch,
    events: { subscribe },
    session,
    allowed: { origins: [], fileIndex },
    deliver: (name, payload) => delivered.push([name, payload]),
    log,
  });
  return { gate, dispatch, history, info, subscribe, listeners, unsubscribed, delivered, log, session };
}

const FOREIGN: [string, SenderFacts][] = [
  ['another local file', { url: 'file:///tmp/evil.html', isMainFrameOfAppWindow: true }],
  ['a web page', { url: 'https://evil.example/', isMainFrameOfAppWindow: true }],
  ['a subframe, or another window, showing the app page', { ...app, isMainFrameOfAppWindow: false }],
  ['a frame with no URL (destroyed)', { url: undefined, isMainFrameOfAppWindow: true }],
  ['an unparsable URL', { url: '::::', isMainFrameOfAppWindow: true }],
  ['about:blank', { url: 'about:blank', isMainFrameOfAppWindow: true }],
  ['a data: page', { url: 'data:text/html,<script>1</script>', isMainFrameOfAppWindow: true }],
];

describe('ipc gate: calls', () => {
  it('runs a call from the app window through the dispatcher, in the window’s session', async () => {
    const s = setup();
    const result = await s.gate.call('fleet.history', app, { windowS: 600 });
    expect(result).toEqual({ ok: true, value: { t: [], utilPct: [], powerKw: [] } });
    expect(s.history).toHaveBeenCalledWith({ windowS: 600, maxPoints: 500 }, { session: s.session });
  });

  it.each(FOREIGN)('refuses a call from %s before the dispatcher sees it', async (_name, sender) => {
    const s = setup();
    const result = await s.gate.call('app.info', sender, {});
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    expect(s.dispatch).not.toHaveBeenCalled();
    expect(s.info).not.toHaveBeenCalled();
    expect(s.log).toHaveBeenCalledWith(expect.stringContaining('refused "app.info"'));
  });

  it.each([
    ['a string', 'windowS=600'],
    ['a number', 600],
    ['an array', [600]],
    ['a wrong type', { windowS: '600' }],
    ['an out-of-range value', { windowS: 10 ** 9 }],
    ['a non-integer', { windowS: 600.5 }],
    ['an unknown key', { windowS: 600, extra: true }],
    ['a prototype key', JSON.parse('{"__proto__": {"polluted": true}, "windowS": 600}')],
    ['a constructor key', { constructor: { prototype: { polluted: true } } }],
    ['null fields', { windowS: null }],
    ['a function', () => 600],
  ])('refuses %s as a payload, with no handler run', async (_name, payload) => {
    const s = setup();
    const result = await s.gate.call('fleet.history', app, payload);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('fleet.history') },
    });
    expect(s.history).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a call name outside the contract, even from the app window', async () => {
    const s = setup();
    const result = await s.gate.call('fleet.nuke' as never, app, {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL', message: expect.any(String) } });
  });
});

describe('ipc gate: subscriptions', () => {
  it('subscribes the app window once per event and delivers only to it', () => {
    const s = setup();
    s.gate.subscribe('fleet.tick', app);
    s.gate.subscribe('fleet.tick', app);
    expect(s.subscribe).toHaveBeenCalledOnce();
    expect(s.subscribe).toHaveBeenCalledWith('fleet.tick', expect.any(Function), { session: s.session });
    s.listeners.get('fleet.tick')!({ n: 1 });
    expect(s.delivered).toEqual([['fleet.tick', { n: 1 }]]);
  });

  it.each(FOREIGN)('refuses a subscription from %s', (_name, sender) => {
    const s = setup();
    s.gate.subscribe('terminal.data', sender);
    expect(s.subscribe).not.toHaveBeenCalled();
    expect(s.log).toHaveBeenCalledWith(expect.stringContaining('refused a subscription'));
  });

  it('ends every subscription when the window closes', () => {
    const s = setup();
    s.gate.subscribe('fleet.tick', app);
    s.gate.subscribe('alerts.changed', app);
    s.gate.close();
    expect(s.unsubscribed.sort()).toEqual(['alerts.changed', 'fleet.tick']);
    s.gate.subscribe('fleet.tick', app);
    expect(s.subscribe).toHaveBeenCalledTimes(3);
  });
});
