import { createContext, useContext } from 'react';
import type { TerminalController } from './terminalController';

/** The one TerminalController of this window, made by TerminalProvider. */
export const TerminalControllerContext = createContext<TerminalController | null>(null);

export function useTerminalController(): TerminalController {
  const controller = useContext(TerminalControllerContext);
  if (!controller) throw new Error('useTerminalController outside <TerminalProvider>');
  return controller;
}
