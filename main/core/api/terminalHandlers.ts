import { ok } from '../../../shared/result';
import type { TerminalService } from '../ssh/terminalService';
import type { Handlers } from './dispatcher';

type TerminalHandlers = Pick<
  Handlers,
  'terminal.open' | 'terminal.input' | 'terminal.resize' | 'terminal.close' | 'terminal.answer' | 'knownHosts.forget'
>;

/** Terminals belong to the session that opened them: another window cannot type into or read them. */
export function terminalHandlers(t: TerminalService): TerminalHandlers {
  return {
    'terminal.open': ({ target, cols, rows }, { session }) => t.open(target, cols, rows, session),
    'terminal.input': ({ terminalId, data }, { session }) => t.input(terminalId, data, session),
    'terminal.resize': ({ terminalId, cols, rows }, { session }) => t.resize(terminalId, cols, rows, session),
    'terminal.close': ({ terminalId }, { session }) => t.close(terminalId, session),
    'terminal.answer': ({ promptId, trust, answers }, { session }) => t.answer(promptId, { trust, answers }, session),
    'knownHosts.forget': async ({ host, port }, { session }) => ok({ removed: await t.forget(host, port, session) }),
  };
}
