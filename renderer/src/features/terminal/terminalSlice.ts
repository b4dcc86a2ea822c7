import type { TerminalPrompt, TerminalState, TerminalTarget } from '../../../../shared/terminal';
import type { AppSlice } from '../../store/types';
import {
  parseHostPort,
  provisionalTitle,
  type HostKeyStatus,
  type HostPort,
  type TabPhase,
} from './terminalText';

/**
 * One terminal tab as the UI shows it. The xterm instance, its output and anything typed live outside
 * the store (terminalController.ts); prompts hold no secrets, only what the core asks.
 */
export interface TerminalTab {
  /** This window's own id for the tab; stays the same across reconnects. */
  key: string;
  target: TerminalTarget;
  title: string;
  /** The core's id for the current session; null before it answers and after a reconnect starts. */
  terminalId: string | null;
  phase: TabPhase;
  hop: number;
  hops: number;
  message: string | null;
  hostKeys: { host: string; fingerprint: string; status: HostKeyStatus }[];
  /** host:port of each hop, as the core named them while connecting (for "forget"). */
  hopAddrs: (HostPort | null)[];
  /** host:port of the last prompt of this tab. */
  lastPromptAddr: HostPort | null;
  /** Bumped by each reconnect, so a late answer for an earlier attempt is recognised. */
  attempt: number;
}

export interface TerminalSlice {
  terminalTabs: TerminalTab[];
  activeTerminalKey: string | null;
  /** Prompts waiting for this window's answer, oldest first. */
  terminalPrompts: TerminalPrompt[];

  /**
   * Open a terminal to a node or host: adds a tab, makes it active and switches to the Terminal area,
   * where the tab's screen is measured and the core asked to connect. Returns the tab's key.
   */
  openTerminal(target: TerminalTarget): string;
  selectTerminal(key: string): void;
  /** Drops the tab from the store; the controller closes the session and the xterm. */
  removeTerminalTab(key: string): void;
  terminalOpening(key: string): void;
  terminalOpened(key: string, terminalId: string, title: string): void;
  terminalOpenFailed(key: string, message: string): void;
  applyTerminalState(key: string, state: TerminalState): void;
  addTerminalPrompt(prompt: TerminalPrompt): void;
  removeTerminalPrompt(promptId: string): void;
  /** A closed or failed tab starts over, in the same xterm. */
  restartTerminal(key: string): void;
  /** Every live session ended at once (the connection to the core dropped). */
  endAllTerminals(message: string): void;
}

let seq = 0;
const nextKey = () => `t${++seq}`;

const patchTab = (tabs: TerminalTab[], key: string, patch: Partial<TerminalTab>): TerminalTab[] =>
  tabs.map((t) => (t.key === key ? { ...t, ...patch } : t));

export const createTerminalSlice: AppSlice<TerminalSlice> = (set, get) => ({
  terminalTabs: [],
  activeTerminalKey: null,
  terminalPrompts: [],

  openTerminal: (target) => {
    const key = nextKey();
    const siteName =
      target.kind === 'node' ? (get().sites.find((s) => s.id === target.siteId)?.name ?? null) : null;
    const tab: TerminalTab = {
      key,
      target,
      title: provisionalTitle(target, siteName),
      terminalId: null,
      phase: 'new',
      hop: 0,
      hops: 1,
      message: null,
      hostKeys: [],
      hopAddrs: [],
      lastPromptAddr: null,
      attempt: 0,
    };
    set((s) => ({ terminalTabs: [...s.terminalTabs, tab], activeTerminalKey: key }));
    get().setArea('terminal');
    return key;
  },

  selectTerminal: (key) => {
    if (get().activeTerminalKey !== key) set({ activeTerminalKey: key });
  },

  removeTerminalTab: (key) =>
    set((s) => {
      const i = s.terminalTabs.findIndex((t) => t.key === key);
      if (i < 0) return s;
      const gone = s.terminalTabs[i]!;
      const tabs = s.terminalTabs.filter((t) => t.key !== key);
      // The neighbour to the right takes over, or the left one when the last tab closes.
      const active =
        s.activeTerminalKey === key ? (tabs[i]?.key ?? tabs[i - 1]?.key ?? null) : s.activeTerminalKey;
      return {
        terminalTabs: tabs,
        activeTerminalKey: active,
        terminalPrompts: s.terminalPrompts.filter((p) => p.terminalId !== gone.terminalId),
      };
    }),

  terminalOpening: (key) =>
    set((s) => ({ terminalTabs: patchTab(s.terminalTabs, key, { phase: 'opening', message: null }) })),

  terminalOpened: (key, terminalId, title) =>
    set((s) => ({
      terminalTabs: s.terminalTabs.map((t) =>
        // A state event may have come first (it is buffered until now), so only 'opening' moves on.
        t.key === key
          ? { ...t, terminalId, title, phase: t.phase === 'opening' ? 'connecting' : t.phase }
          : t,
      ),
    })),

  terminalOpenFailed: (key, message) =>
    set((s) => ({ terminalTabs: patchTab(s.terminalTabs, key, { phase: 'failed', message }) })),

  applyTerminalState: (key, st) =>
    set((s) => ({
      terminalTabs: s.terminalTabs.map((t) => {
        if (t.key !== key) return t;
        const hopAddrs = [...t.hopAddrs];
        if (st.state === 'connecting') {
          const addr = parseHostPort(st.message);
          if (addr) hopAddrs[st.hop] = addr;
        }
        return {
          ...t,
          title: st.title,
          phase: st.state,
          hop: st.hop,
          hops: st.hops,
          message: st.message,
          // The core sends the host keys once the chain is up; keep them while it ends.
          hostKeys: st.hostKeys.length ? st.hostKeys : t.hostKeys,
          hopAddrs,
        };
      }),
      terminalPrompts:
        st.state === 'closed' || st.state === 'failed'
          ? s.terminalPrompts.filter((p) => p.terminalId !== st.terminalId)
          : s.terminalPrompts,
    })),

  addTerminalPrompt: (prompt) =>
    set((s) => {
      if (s.terminalPrompts.some((p) => p.promptId === prompt.promptId)) return s;
      const tab = s.terminalTabs.find((t) => t.terminalId === prompt.terminalId);
      return {
        terminalPrompts: [...s.terminalPrompts, prompt],
        terminalTabs: tab
          ? patchTab(s.terminalTabs, tab.key, { lastPromptAddr: { host: prompt.host, port: prompt.port } })
          : s.terminalTabs,
      };
    }),

  removeTerminalPrompt: (promptId) =>
    set((s) => ({ terminalPrompts: s.terminalPrompts.filter((p) => p.promptId !== promptId) })),

  restartTerminal: (key) =>
    set((s) => ({
      terminalTabs: s.terminalTabs.map((t) =>
        t.key === key
          ? {
              ...t,
              terminalId: null,
              phase: 'new',
              hop: 0,
              message: null,
              hostKeys: [],
              hopAddrs: [],
              lastPromptAddr: null,
              attempt: t.attempt + 1,
            }
          : t,
      ),
    })),

  endAllTerminals: (message) =>
    set((s) => ({
      terminalTabs: s.terminalTabs.map((t) =>
        t.phase === 'closed' || t.phase === 'failed' || t.phase === 'new'
          ? t
          : { ...t, phase: 'closed', message, terminalId: null },
      ),
      terminalPrompts: [],
    })),
});
