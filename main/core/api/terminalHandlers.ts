import { ok } from '../../../shared/result';
import type { BroadcastService } from '../ssh/broadcastService';
import type { TerminalService } from '../ssh/terminalService';
import type { Handlers } from './dispatcher';

type TerminalHandlers = Pick<
  Handlers,
  | 'terminal.open'
  | 'terminal.input'
  | 'terminal.resize'
  | 'terminal.close'
  | 'terminal.answer'
  | 'knownHosts.forget'
  | 'broadcast.start'
  | 'broadcast.cancel'
  | 'broadcast.export'
>;

/** Terminals belong to the session that opened them: another window cannot type into or read them. */
export function terminalHandlers(t: TerminalService, b: BroadcastService): TerminalHandlers {
  return {
    'terminal.open': ({ target, cols, rows }, { session }) => t.open(target, cols, rows, session),
    'terminal.input': ({ terminalId, data }, { session }) => t.input(terminalId, data, session),
    'terminal.resize': ({ terminalId, cols, rows }, { session }) => t.resize(terminalId, cols, rows, session),
    'terminal.close': ({ terminalId }, { session }) => t.close(terminalId, session),
    'terminal.answer': ({ promptId, trust, answers }, { session }) =>
      t.answer(promptId, { trust, answers }, session),
    'knownHosts.forget': async ({ host, port }, { session }) =>
      ok({ removed: await t.forget(host, port, session) }),
    'broadcast.start': ({ targets, command, concurrency, timeoutS }, { session }) =>
      b.start(targets, command, { concurrency, timeoutS }, session),
    'broadcast.cancel': ({ broadcastId }, { session }) => b.cancel(broadcastId, session),
    'broadcast.export': ({ broadcastId, format }, { session }) => b.export(broadcastId, format, session),
  };
}
