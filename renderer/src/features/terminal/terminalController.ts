import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import type { FleetClient } from '../../../../shared/client';
import type { EventPayload } from '../../../../shared/contract';
import type { AppError, Result } from '../../../../shared/result';
import type { TerminalPrompt, TerminalState } from '../../../../shared/terminal';
import type { useAppStore } from '../../store/appStore';
import type { TerminalTab } from './terminalSlice';
import { contractSize, isEnded, takeChunk } from './terminalText';
import { openXtermWithinCsp } from './xtermCsp';

type Store = Pick<typeof useAppStore, 'getState' | 'subscribe'>;

/**
 * Makes one tab's xterm with its addons loaded (makeXterm.ts). Passed in by the pane, not imported
 * here: xterm is most of the renderer's code and comes with the Terminal area's chunk, while this
 * controller is in the first one, routing events and prompts from the start.
 */
export type MakeXterm = () => { term: Terminal; fit: FitAddon; search: SearchAddon };

/** What the pane showing a terminal wants to hear from it. */
export interface PaneHooks {
  /** Ctrl+Shift+F inside the terminal. */
  onFind(): void;
}

interface Entry {
  term: Terminal;
  fit: FitAddon;
  search: SearchAddon;
  /** The element xterm is opened into; it moves into whichever pane shows the tab. */
  host: HTMLDivElement;
  opened: boolean;
  pane: PaneHooks | null;
  /** The size the core's PTY was last told. */
  sentSize: { cols: number; rows: number } | null;
  input: InputQueue;
  dispose: (() => void)[];
}

type EarlyEvent =
  | { kind: 'state'; payload: TerminalState }
  | { kind: 'data'; payload: EventPayload<'terminal.data'> }
  | { kind: 'prompt'; payload: TerminalPrompt };

/** Events for a terminal id nobody knows yet are kept this long (terminal.open has not answered). */
const EARLY_TTL_MS = 60_000;
const RESIZE_DEBOUNCE_MS = 100;
const DIM = (s: string) => `\r\n\x1b[2m── ${s} ──\x1b[0m\r\n`;

/**
 * Keystrokes for one terminal, sent in order: one terminal.input call in flight at a time, whatever
 * is typed meanwhile coalesced into the next call (and split at the contract's size limit).
 */
class InputQueue {
  private pending = '';
  private busy = false;
  constructor(private readonly send: (data: string) => Promise<boolean>) {}
  push(data: string): void {
    this.pending += data;
    if (!this.busy) void this.drain();
  }
  reset(): void {
    this.pending = '';
  }
  private async drain(): Promise<void> {
    this.busy = true;
    while (this.pending) {
      const [chunk, rest] = takeChunk(this.pending);
      this.pending = rest;
      if (!(await this.send(chunk))) this.pending = '';
    }
    this.busy = false;
  }
}

/**
 * The renderer side of the terminals: one xterm per tab kept here, outside React, so output goes on
 * into hidden tabs and survives a visit to another area; the contract calls and events that connect
 * each xterm to its session in the core. Tabs themselves (their state, their prompts) are in the store.
 */
export class TerminalController {
  private readonly entries = new Map<string, Entry>();
  private readonly early = new Map<string, { at: number; events: EarlyEvent[] }>();
  private opening = 0;

  constructor(
    private readonly client: FleetClient,
    private readonly store: Store,
  ) {}

  /** Subscribes to the terminal events; returns the unsubscribe. */
  start(): () => void {
    const offs = [
      this.client.on('terminal.state', (p) => this.onState(p)),
      this.client.on('terminal.data', (p) => this.onData(p)),
      this.client.on('terminal.prompt', (p) => this.onPrompt(p)),
      this.store.subscribe((s, prev) => {
        if (prev.connection === 'open' && s.connection === 'closed') this.lost();
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  /**
   * Shows a tab's terminal in `container` (creating the xterm the first time), keeps it fitted to the
   * container, and asks the core to connect if the tab is new. Returns the detach.
   */
  attach(key: string, container: HTMLElement, hooks: PaneHooks, makeXterm: MakeXterm): () => void {
    const e = this.ensure(key, makeXterm);
    if (e.host.parentElement !== container) container.appendChild(e.host);
    e.pane = hooks;
    if (!e.opened) {
      e.dispose.push(openXtermWithinCsp(e.term, e.host));
      e.opened = true;
    }
    this.fit(key);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => this.fit(key), RESIZE_DEBOUNCE_MS);
    });
    observer.observe(container);
    if (this.tab(key)?.phase === 'new') void this.connect(key);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      if (e.pane === hooks) e.pane = null;
    };
  }

  focus(key: string): void {
    this.entries.get(key)?.term.focus();
  }

  search(key: string): SearchAddon | null {
    return this.entries.get(key)?.search ?? null;
  }

  /** Fits the xterm to its pane (nothing when the pane is hidden); the PTY follows via onResize. */
  fit(key: string): void {
    const e = this.entries.get(key);
    if (!e?.opened || !e.host.isConnected || e.host.clientWidth === 0 || e.host.clientHeight === 0) return;
    try {
      e.fit.fit();
    } catch {
      // Not measurable yet (fonts, layout); the next resize fits it.
    }
  }

  /** Closes the tab: its session in the core (if any) and its xterm. */
  close(key: string): void {
    const tab = this.tab(key);
    if (tab?.terminalId && !isEnded(tab.phase))
      void this.client.call('terminal.close', { terminalId: tab.terminalId });
    this.store.getState().removeTerminalTab(key);
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    e.dispose.forEach((d) => d());
    e.term.dispose();
    e.host.remove();
  }

  /** A closed or failed tab connects again, in the same xterm (its scrollback stays). */
  reconnect(key: string): void {
    const tab = this.tab(key);
    if (!tab || !isEnded(tab.phase)) return;
    this.entries.get(key)?.term.write(DIM('reconnecting'));
    this.store.getState().restartTerminal(key);
    void this.connect(key);
  }

  /** Answers a prompt; the prompt leaves the queue at once, whatever the core says. */
  async answer(
    prompt: TerminalPrompt,
    a: { trust?: boolean; answers?: string[] },
  ): Promise<Result<Record<string, never>>> {
    this.store.getState().removeTerminalPrompt(prompt.promptId);
    const r = await this.client.call('terminal.answer', { promptId: prompt.promptId, ...a });
    if (!r.ok) {
      const tab = this.byTerminalId(prompt.terminalId);
      if (tab) this.entries.get(tab.key)?.term.write(DIM(`answer not taken: ${r.error.message}`));
    }
    return r;
  }

  forget(host: string, port: number) {
    return this.client.call('knownHosts.forget', { host, port });
  }

  private tab(key: string): TerminalTab | undefined {
    return this.store.getState().terminalTabs.find((t) => t.key === key);
  }

  private byTerminalId(id: string): TerminalTab | undefined {
    return this.store.getState().terminalTabs.find((t) => t.terminalId === id);
  }

  private ensure(key: string, makeXterm: MakeXterm): Entry {
    const have = this.entries.get(key);
    if (have) return have;
    const host = document.createElement('div');
    host.className = 'xterm-host';
    const { term, fit, search } = makeXterm();
    const e: Entry = {
      term,
      fit,
      search,
      host,
      opened: false,
      pane: null,
      sentSize: null,
      input: new InputQueue((data) => this.sendInput(key, data)),
      dispose: [],
    };
    term.attachCustomKeyEventHandler((ev) => this.onKey(e, ev));
    const onData = term.onData((data) => {
      const tab = this.tab(key);
      if (tab?.terminalId && tab.phase === 'open') e.input.push(data);
    });
    const onResize = term.onResize(() => this.sendSize(key));
    e.dispose.push(
      () => onData.dispose(),
      () => onResize.dispose(),
    );
    this.entries.set(key, e);
    return e;
  }

  /** Terminal shortcuts the way Linux terminals have them: Ctrl+Shift+C / V copy and paste, F finds. */
  private onKey(e: Entry, ev: KeyboardEvent): boolean {
    if (!(ev.ctrlKey && ev.shiftKey) || ev.altKey || ev.metaKey) return true;
    if (ev.code === 'KeyC') {
      if (ev.type === 'keydown') copySelection(e.term);
      ev.preventDefault();
      return false;
    }
    // Not handled by xterm, not prevented: the browser pastes into xterm's textarea, which sends it.
    if (ev.code === 'KeyV') return false;
    if (ev.code === 'KeyF') {
      if (ev.type === 'keydown') e.pane?.onFind();
      ev.preventDefault();
      return false;
    }
    return true;
  }

  private async sendInput(key: string, data: string): Promise<boolean> {
    const tab = this.tab(key);
    if (!tab?.terminalId || tab.phase !== 'open') return false;
    const r = await this.client.call('terminal.input', { terminalId: tab.terminalId, data });
    if (!r.ok && r.error.code !== 'NOT_FOUND')
      this.entries.get(key)?.term.write(DIM(`input not sent: ${r.error.message}`));
    return r.ok;
  }

  private sendSize(key: string): void {
    const tab = this.tab(key);
    const e = this.entries.get(key);
    if (!tab?.terminalId || tab.phase !== 'open' || !e) return;
    const size = contractSize(e.term.cols, e.term.rows);
    if (e.sentSize && e.sentSize.cols === size.cols && e.sentSize.rows === size.rows) return;
    e.sentSize = size;
    void this.client.call('terminal.resize', { terminalId: tab.terminalId, ...size });
  }

  /**
   * Asks the core to connect a new tab, at its xterm's size (80 × 24 before it has one). attach()
   * does this once the tab's screen is measured.
   */
  async connect(key: string): Promise<void> {
    const tab = this.tab(key);
    if (!tab || tab.phase !== 'new') return;
    const e = this.entries.get(key);
    const size = contractSize(e?.term.cols ?? 80, e?.term.rows ?? 24);
    const attempt = tab.attempt;
    const s = this.store.getState();
    s.terminalOpening(key);
    this.opening++;
    let r: Result<{ terminalId: string; title: string }>;
    try {
      r = await this.client.call('terminal.open', { target: tab.target, ...size });
    } finally {
      this.opening--;
    }
    const now = this.tab(key);
    const current = now !== undefined && now.attempt === attempt && now.phase === 'opening';
    if (!r.ok) {
      if (current) {
        s.terminalOpenFailed(key, openErrorText(r.error));
        e?.term.write(DIM('not connected'));
      }
      return;
    }
    const { terminalId, title } = r.value;
    const early = this.early.get(terminalId)?.events ?? [];
    this.early.delete(terminalId);
    if (!current) {
      // Closed (or restarted) while the core was answering: end the session nobody wants.
      void this.client.call('terminal.close', { terminalId });
      return;
    }
    if (e) e.sentSize = size;
    s.terminalOpened(key, terminalId, title);
    for (const ev of early) {
      if (ev.kind === 'state') this.onState(ev.payload);
      else if (ev.kind === 'data') this.onData(ev.payload);
      else this.onPrompt(ev.payload);
    }
  }

  /** An event for a terminal this window has not heard of yet: keep it while an open is in flight. */
  private keep(terminalId: string, ev: EarlyEvent): void {
    if (this.opening === 0) return;
    const now = Date.now();
    for (const [id, v] of this.early) if (now - v.at > EARLY_TTL_MS) this.early.delete(id);
    const slot = this.early.get(terminalId) ?? { at: now, events: [] };
    slot.events.push(ev);
    this.early.set(terminalId, slot);
  }

  private onState(st: TerminalState): void {
    const tab = this.byTerminalId(st.terminalId);
    if (!tab) return this.keep(st.terminalId, { kind: 'state', payload: st });
    const was = tab.phase;
    this.store.getState().applyTerminalState(tab.key, st);
    const e = this.entries.get(tab.key);
    if (!e) return;
    if (st.state === 'open' && was !== 'open') {
      // The PTY was sized at open; the pane may have changed since.
      this.fit(tab.key);
      this.sendSize(tab.key);
      if (this.store.getState().activeTerminalKey === tab.key && this.store.getState().area === 'terminal')
        e.term.focus();
    }
    if ((st.state === 'closed' || st.state === 'failed') && !isEnded(was)) {
      e.input.reset();
      e.sentSize = null;
      e.term.write(DIM(st.state === 'closed' ? 'connection closed' : 'connection failed'));
    }
  }

  private onData(d: EventPayload<'terminal.data'>): void {
    const tab = this.byTerminalId(d.terminalId);
    if (!tab) return this.keep(d.terminalId, { kind: 'data', payload: d });
    this.entries.get(tab.key)?.term.write(d.data);
  }

  private onPrompt(p: TerminalPrompt): void {
    const tab = this.byTerminalId(p.terminalId);
    if (!tab) return this.keep(p.terminalId, { kind: 'prompt', payload: p });
    this.store.getState().addTerminalPrompt(p);
  }

  /** The connection to the core dropped: the core has closed this window's sessions. */
  private lost(): void {
    this.store
      .getState()
      .endAllTerminals('The connection to the console core was lost, and this session with it.');
    for (const e of this.entries.values()) {
      e.input.reset();
      e.sentSize = null;
    }
  }
}

function openErrorText(e: AppError): string {
  if (e.code === 'FORBIDDEN') return `Not allowed: ${e.message}`;
  return e.message;
}

/**
 * Copies the terminal's selection. execCommand('copy') raises a copy event in xterm's own element,
 * whose handler puts the selection on the clipboard; it needs no clipboard permission (the desktop
 * shell grants none). The async clipboard API is the fallback.
 */
function copySelection(term: Terminal): void {
  const text = term.getSelection();
  if (!text) return;
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  if (!copied) void navigator.clipboard?.writeText(text).catch(() => undefined);
}
