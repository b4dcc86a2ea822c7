import { useEffect, useState, type ReactNode } from 'react';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { TerminalController } from './terminalController';
import { TerminalControllerContext } from './terminalContext';

/**
 * Makes the window's TerminalController and keeps it subscribed to the terminal events for as long
 * as the app runs, whichever area is shown: output for a tab nobody looks at still reaches its xterm.
 */
export function TerminalProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [controller] = useState(() => new TerminalController(client, useAppStore));
  useEffect(() => controller.start(), [controller]);
  return (
    <TerminalControllerContext.Provider value={controller}>{children}</TerminalControllerContext.Provider>
  );
}
