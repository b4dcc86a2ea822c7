import { afterEach, describe, expect, it } from 'vitest';
import type { FleetClient } from '../../../../shared/client';
import type { CallName, EventName } from '../../../../shared/channels';
import type { TerminalPrompt, TerminalState } from '../../../../shared/terminal';
import { resetStore, useAppStore } from '../../store/appStore';
import { TerminalController } from './terminalController';

afterEach(() => resetStore());

/** A contract client whose calls are scripted and whose events the test fires. */
function fakeClient(handlers: Partial<Record<CallName, (req: never) => unknown>>) {
  const calls: { name: CallName; req: unknown }[] = [];
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const client = {
    async call(name: CallName, req: unknown) {
      calls.push({ name, req });
      const h = handlers[name] as ((r: unknown) => unknown) | undefined;
      return h ? h(req) : { ok: true, value: {} };
    },
    on(name: EventName, listener: (p: unknown) => void) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  } as unknown as FleetClient;
  const emit = (name: EventName, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));
  return { client, calls, emit };
}

const state = (patch: Partial<TerminalState>): TerminalState => ({
  terminalId: 'T1',
  title: 'lab (ops)',
  state: 'connecting',
  hop: 0,
  hops: 1,
  message: 'ops@lab:22',
  hostKeys: [],
  ...patch,
});
const prompt: TerminalPrompt = {
  promptId: 'P1',
  terminalId: 'T1',
  kind: 'host-key',
  host: 'lab',
  port: 22,
  fingerprint: 'SHA256:x',
  keyType: 'ssh-ed25519',
  prompts: [],
};

describe('TerminalController', () => {
  it('keeps events that overtake terminal.open and applies them once the id is known', async () => {
    let emit: (n: EventName, p: unknown) => void = () => undefined;
    const fake = fakeClient({
      'terminal.open': () => {
        // The core reports the first hop before it answers the call.
        emit('terminal.state', state({}));
        emit('terminal.prompt', prompt);
        return { ok: true, value: { terminalId: 'T1', title: 'lab (ops)' } };
      },
    });
    emit = fake.emit;
    const c = new TerminalController(fake.client, useAppStore);
    const stop = c.start();
    const key = useAppStore.getState().openTerminal({ kind: 'host', host: 'lab' });
    await c.connect(key);
    const tab = useAppStore.getState().terminalTabs[0]!;
    expect(tab).toMatchObject({
      terminalId: 'T1',
      phase: 'connecting',
      hopAddrs: [{ host: 'lab', port: 22 }],
    });
    expect(fake.calls[0]).toEqual({
      name: 'terminal.open',
      req: { target: { kind: 'host', host: 'lab' }, cols: 80, rows: 24 },
    });
    expect(useAppStore.getState().terminalPrompts).toEqual([prompt]);

    await c.answer(prompt, { trust: true });
    expect(useAppStore.getState().terminalPrompts).toEqual([]);
    expect(fake.calls.at(-1)).toEqual({ name: 'terminal.answer', req: { promptId: 'P1', trust: true } });
    stop();
  });

  it('ends a session nobody wants: the tab closed while the core was connecting it', async () => {
    let release: () => void = () => undefined;
    const fake = fakeClient({
      'terminal.open': () =>
        new Promise((r) => (release = () => r({ ok: true, value: { terminalId: 'T9', title: 't' } }))),
    });
    const c = new TerminalController(fake.client, useAppStore);
    const key = useAppStore.getState().openTerminal({ kind: 'host', host: 'lab' });
    const opening = c.connect(key);
    c.close(key);
    release();
    await opening;
    expect(useAppStore.getState().terminalTabs).toEqual([]);
    expect(fake.calls.map((x) => x.name)).toEqual(['terminal.open', 'terminal.close']);
    expect(fake.calls[1]!.req).toEqual({ terminalId: 'T9' });
  });

  it('says why a terminal did not open, and that a lost core ended the live ones', async () => {
    const fake = fakeClient({
      'terminal.open': (req: { target: { host?: string } }) =>
        req.target.host === 'nope'
          ? { ok: false, error: { code: 'NOT_FOUND', message: 'No site with id "x".' } }
          : { ok: true, value: { terminalId: 'T2', title: 'lab' } },
    });
    const c = new TerminalController(fake.client, useAppStore);
    const stop = c.start();
    const bad = useAppStore.getState().openTerminal({ kind: 'host', host: 'nope' });
    await c.connect(bad);
    expect(useAppStore.getState().terminalTabs[0]).toMatchObject({
      phase: 'failed',
      message: 'No site with id "x".',
    });

    const good = useAppStore.getState().openTerminal({ kind: 'host', host: 'lab' });
    await c.connect(good);
    fake.emit('terminal.state', state({ terminalId: 'T2', state: 'open', message: null }));
    expect(useAppStore.getState().terminalTabs[1]!.phase).toBe('open');
    useAppStore.getState().setConnection('open');
    useAppStore.getState().setConnection('closed');
    expect(useAppStore.getState().terminalTabs[1]).toMatchObject({ phase: 'closed', terminalId: null });
    expect(useAppStore.getState().terminalTabs[0]!.phase).toBe('failed');
    stop();
  });
});
