import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { NewTerminalForm } from './NewTerminalForm';
import { useTerminalController } from './terminalContext';
import { TerminalPane } from './TerminalPane';
import { TerminalTabs } from './TerminalTabs';
import { sshWhy } from './terminalText';

/**
 * The Terminal area (issue 5): tabs of SSH shells on nodes (through their site's bastion) or any host,
 * each an xterm kept by the TerminalController. The prompts the core sends while connecting are
 * TerminalPrompts', shown whichever area is open.
 */
export function TerminalPage() {
  const controller = useTerminalController();
  const { tabs, activeKey, prompts, canSsh, roleKnown, selectTerminal } = useAppStore(
    useShallow((s) => ({
      tabs: s.terminalTabs,
      activeKey: s.activeTerminalKey,
      prompts: s.terminalPrompts,
      canSsh: sessionCan(s.session, 'ssh'),
      roleKnown: s.session !== null,
      selectTerminal: s.selectTerminal,
    })),
  );
  const why = sshWhy(canSsh, roleKnown);
  const activeTab = tabs.find((t) => t.key === activeKey) ?? null;
  const waiting = useMemo(() => new Set(prompts.map((p) => p.terminalId)), [prompts]);

  // Coming back to the area, the keyboard goes where it was: into the active terminal.
  useEffect(() => {
    const s = useAppStore.getState();
    if (s.activeTerminalKey && s.terminalPrompts.length === 0) controller.focus(s.activeTerminalKey);
  }, [controller]);

  return (
    <div className="page terminal-page">
      <div className="terminal-head">
        <h1 className="page-title">Terminal</h1>
        <NewTerminalForm allowed={canSsh} why={why} />
      </div>
      {!canSsh && roleKnown && (
        <p className="hint">Opening terminals needs the NOC operator or Admin role (the SSH permission).</p>
      )}
      {tabs.length === 0 ? (
        <p className="terminal-empty">
          No terminal open. Open one above, or with “Shell” on a node in a site’s panel (Fleet or Sites).
        </p>
      ) : (
        <div className="terminal-body">
          <TerminalTabs
            tabs={tabs}
            activeKey={activeKey}
            waiting={waiting}
            onSelect={selectTerminal}
            onClose={(key) => controller.close(key)}
          />
          {/* Only the active tab has a panel; the others' xterms go on receiving output off-screen. */}
          {activeTab && (
            <TerminalPane
              key={activeTab.key}
              tabKey={activeTab.key}
              asking={activeTab.terminalId !== null && waiting.has(activeTab.terminalId)}
              canSsh={canSsh}
              why={why}
            />
          )}
        </div>
      )}
    </div>
  );
}
