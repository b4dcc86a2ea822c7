import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/appStore';
import { PromptDialog } from './PromptDialog';

/**
 * The core's questions while a terminal connects (an unknown host key, a password…), one at a time,
 * whichever area is shown: they wait for this window (and time out after five minutes in the core).
 * The asking terminal becomes the active tab, so the Terminal area shows it once answered.
 */
export function TerminalPrompts() {
  const { tabs, prompts, selectTerminal } = useAppStore(
    useShallow((s) => ({
      tabs: s.terminalTabs,
      prompts: s.terminalPrompts,
      selectTerminal: s.selectTerminal,
    })),
  );
  const prompt = prompts.find((p) => tabs.some((t) => t.terminalId === p.terminalId)) ?? null;
  const tab = prompt ? tabs.find((t) => t.terminalId === prompt.terminalId) : undefined;
  const tabKey = tab?.key ?? null;

  useEffect(() => {
    if (tabKey) selectTerminal(tabKey);
  }, [tabKey, selectTerminal]);

  if (!prompt || !tab) return null;
  return <PromptDialog key={prompt.promptId} prompt={prompt} title={tab.title} />;
}
