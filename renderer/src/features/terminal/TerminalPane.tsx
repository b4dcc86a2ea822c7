import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/appStore';
import { FindBar } from './FindBar';
import { makeXterm } from './makeXterm';
import { useTerminalController } from './terminalContext';
import type { TerminalTab } from './terminalSlice';
import { panelId, tabId } from './TerminalTabs';
import {
  forgetTarget,
  hopText,
  hostKeyStatusText,
  hostPortText,
  isEnded,
  isHostKeyChanged,
  phaseLabel,
  type HostPort,
} from './terminalText';

interface Props {
  tabKey: string;
  asking: boolean;
  canSsh: boolean;
  why: string | undefined;
}

/**
 * The active tab's panel: the status line, what to do when the session ended, the find bar and the
 * screen. The xterm is not React's: the controller moves it into `.terminal-screen` while this panel
 * is mounted, and keeps it (and its output) while another tab is shown.
 */
export function TerminalPane({ tabKey, asking, canSsh, why }: Props) {
  const tab = useAppStore((s) => s.terminalTabs.find((t) => t.key === tabKey));
  const controller = useTerminalController();
  const screenRef = useRef<HTMLDivElement>(null);
  // 0: no find bar; each Ctrl+Shift+F bumps it, which (re)focuses the bar's input.
  const [findSeq, setFindSeq] = useState(0);
  const openFind = () => setFindSeq((n) => n + 1);

  useEffect(() => {
    const el = screenRef.current;
    if (!el) return undefined;
    const fresh = useAppStore.getState().terminalTabs.find((t) => t.key === tabKey)?.phase === 'new';
    const detach = controller.attach(tabKey, el, { onFind: () => setFindSeq((n) => n + 1) }, makeXterm);
    if (fresh) controller.focus(tabKey);
    return detach;
  }, [controller, tabKey]);

  if (!tab) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // xterm's own handler has already asked for the find bar when the keys were typed in the terminal.
    if (e.ctrlKey && e.shiftKey && e.code === 'KeyF' && !e.defaultPrevented) {
      e.preventDefault();
      openFind();
    }
  };

  return (
    <div
      role="tabpanel"
      id={panelId(tabKey)}
      aria-labelledby={tabId(tabKey)}
      className="term-panel"
      onKeyDown={onKeyDown}
    >
      <TerminalStatus tab={tab} asking={asking} />
      {isEnded(tab.phase) && <EndedBar tab={tab} canSsh={canSsh} why={why} />}
      {findSeq > 0 && (
        <FindBar
          tabKey={tabKey}
          focusSeq={findSeq}
          onClose={() => {
            setFindSeq(0);
            controller.focus(tabKey);
          }}
        />
      )}
      <div className="terminal-screen" data-testid="terminal-screen" ref={screenRef} />
    </div>
  );
}

/** "Open · hop 2/2 · host keys: 10.0.0.1 pinned ✓, node-07 new — trusted now". */
function TerminalStatus({ tab, asking }: { tab: TerminalTab; asking: boolean }) {
  const ended = isEnded(tab.phase);
  return (
    <div className="term-status" role="status" data-testid="terminal-status">
      <span className={`term-state phase-${tab.phase}`}>
        <span className="term-dot" aria-hidden="true" />
        {phaseLabel(tab.phase)}
      </span>
      <span className="term-hop">{hopText(tab.hop, tab.hops)}</span>
      {!ended && tab.message && <span className="term-message mono">{tab.message}</span>}
      {asking && <span className="term-asking">waiting for your answer</span>}
      {tab.hostKeys.length > 0 && (
        <span className="term-hostkeys">
          <span className="muted">Host keys:</span>
          {tab.hostKeys.map((k, i) => (
            <span
              key={`${i}-${k.host}`}
              className={`term-hostkey hk-${k.status}`}
              title={`hop ${i + 1}: ${k.host} ${k.fingerprint}`}
            >
              <span className="mono">{k.host}</span> {hostKeyStatusText(k.status)}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

type ForgetState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; removed: number; addr: HostPort }
  | { kind: 'error'; message: string };

/**
 * A session that ended: why, in the core's words, and "Reconnect". A host key that CHANGED is said
 * loudly, with a way to forget the stored key (for a host that was legitimately reinstalled).
 */
function EndedBar({ tab, canSsh, why }: { tab: TerminalTab; canSsh: boolean; why: string | undefined }) {
  const controller = useTerminalController();
  const [forget, setForget] = useState<ForgetState>({ kind: 'idle' });
  const failed = tab.phase === 'failed';
  const changed = failed && isHostKeyChanged(tab.message);
  const addr = changed ? forgetTarget(tab.hop, tab.hopAddrs, tab.lastPromptAddr, tab.message) : null;

  const runForget = () => {
    if (!addr || forget.kind === 'busy') return;
    setForget({ kind: 'busy' });
    void controller.forget(addr.host, addr.port).then((r) => {
      setForget(
        r.ok ? { kind: 'done', removed: r.value.removed, addr } : { kind: 'error', message: r.error.message },
      );
    });
  };

  return (
    <div
      className={`term-ended${failed ? ' is-failed' : ''}${changed ? ' is-hostkey-changed' : ''}`}
      role={failed ? 'alert' : undefined}
    >
      {changed && <p className="term-ended-title">Host key changed — the connection was refused</p>}
      <p className="term-ended-message">
        {tab.message ?? (failed ? 'The connection failed.' : 'The session ended.')}
      </p>
      <div className="button-row">
        {addr && (
          <button
            type="button"
            className="button is-danger"
            onClick={runForget}
            disabled={!canSsh}
            title={why}
            aria-disabled={forget.kind === 'busy' || undefined}
          >
            Forget stored key for {hostPortText(addr)}
          </button>
        )}
        <button
          type="button"
          className="button is-primary"
          onClick={() => controller.reconnect(tab.key)}
          disabled={!canSsh}
          title={why}
        >
          Reconnect
        </button>
      </div>
      <p className="term-forget-result" role="status">
        {forget.kind === 'busy'
          ? 'Forgetting…'
          : forget.kind === 'error'
            ? `Could not forget the key: ${forget.message}`
            : forget.kind === 'done'
              ? forget.removed > 0
                ? `Forgot ${forget.removed === 1 ? 'the stored key' : `${forget.removed} stored keys`} for ${hostPortText(forget.addr)}. Reconnect to check the new key.`
                : `The console's own store held no key for ${hostPortText(forget.addr)}. If the old key is in a known_hosts file of yours (the message says where), remove it there, e.g. with ssh-keygen -R.`
              : ''}
      </p>
    </div>
  );
}
