import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalPrompt, TerminalState } from '../../../../shared/terminal';
import { resetStore, useAppStore } from '../../store/appStore';

afterEach(() => resetStore());

const s = () => useAppStore.getState();
const state = (patch: Partial<TerminalState>): TerminalState => ({
  terminalId: 'T1',
  title: 'Frankfurt 1 / gpu-01 (ops)',
  state: 'connecting',
  hop: 0,
  hops: 2,
  message: null,
  hostKeys: [],
  ...patch,
});
const prompt = (patch: Partial<TerminalPrompt>): TerminalPrompt => ({
  promptId: 'P1',
  terminalId: 'T1',
  kind: 'host-key',
  host: '10.0.0.7',
  port: 22,
  fingerprint: 'SHA256:x',
  keyType: 'ssh-ed25519',
  prompts: [],
  ...patch,
});

describe('terminal tabs in the store', () => {
  it('openTerminal adds an active tab and switches to the Terminal area', () => {
    const key = s().openTerminal({ kind: 'host', host: 'lab', user: 'ops' });
    expect(s().area).toBe('terminal');
    expect(s().activeTerminalKey).toBe(key);
    expect(s().terminalTabs).toMatchObject([{ key, title: 'ops@lab', phase: 'new', terminalId: null }]);
  });

  it('follows the core: hop addresses, host keys, the end', () => {
    const key = s().openTerminal({ kind: 'node', siteId: 'fra1', hostname: 'gpu-01' });
    s().terminalOpening(key);
    s().terminalOpened(key, 'T1', 'Frankfurt 1 / gpu-01 (ops)');
    expect(s().terminalTabs[0]).toMatchObject({ phase: 'connecting', terminalId: 'T1' });
    s().applyTerminalState(key, state({ message: 'ops@bastion.fra1:22' }));
    s().applyTerminalState(key, state({ hop: 1, message: 'ops@10.0.0.7:2222' }));
    s().applyTerminalState(key, state({ hop: 1, state: 'verifying' }));
    expect(s().terminalTabs[0]!.hopAddrs).toEqual([
      { host: 'bastion.fra1', port: 22 },
      { host: '10.0.0.7', port: 2222 },
    ]);
    s().addTerminalPrompt(prompt({ port: 2222 }));
    s().addTerminalPrompt(prompt({ port: 2222 })); // the same prompt twice counts once
    expect(s().terminalPrompts).toHaveLength(1);
    expect(s().terminalTabs[0]!.lastPromptAddr).toEqual({ host: '10.0.0.7', port: 2222 });
    const keys = [
      { host: 'bastion.fra1', fingerprint: 'SHA256:a', status: 'pinned' as const },
      { host: '10.0.0.7', fingerprint: 'SHA256:b', status: 'new' as const },
    ];
    s().applyTerminalState(key, state({ hop: 1, state: 'open', hostKeys: keys }));
    s().applyTerminalState(key, state({ hop: 1, state: 'closed', message: 'the session ended' }));
    const tab = s().terminalTabs[0]!;
    expect(tab.phase).toBe('closed');
    expect(tab.hostKeys).toEqual(keys);
    expect(s().terminalPrompts).toEqual([]);
  });

  it('a reconnect starts the same tab over', () => {
    const key = s().openTerminal({ kind: 'host', host: 'lab' });
    s().terminalOpening(key);
    s().terminalOpened(key, 'T1', 'lab (ops)');
    s().applyTerminalState(key, state({ state: 'failed', hops: 1, message: 'Refused lab:22: …' }));
    s().restartTerminal(key);
    expect(s().terminalTabs[0]).toMatchObject({ phase: 'new', terminalId: null, attempt: 1, hostKeys: [] });
  });

  it('closing the active tab activates its neighbour; losing the core ends live sessions', () => {
    const a = s().openTerminal({ kind: 'host', host: 'a' });
    const b = s().openTerminal({ kind: 'host', host: 'b' });
    const c = s().openTerminal({ kind: 'host', host: 'c' });
    s().selectTerminal(b);
    s().removeTerminalTab(b);
    expect(s().activeTerminalKey).toBe(c);
    s().removeTerminalTab(c);
    expect(s().activeTerminalKey).toBe(a);
    s().terminalOpening(a);
    s().endAllTerminals('lost');
    expect(s().terminalTabs[0]).toMatchObject({ phase: 'closed', message: 'lost' });
  });
});
