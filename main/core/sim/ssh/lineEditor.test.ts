import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, feedLine, type LineAction, type LineState } from './lineEditor';

/** Feeds everything, collecting echo and actions the way the session loop does. */
function run(
  input: string,
  state: LineState = EMPTY_LINE,
): { echo: string; actions: LineAction[]; state: LineState } {
  let echo = '';
  const actions: LineAction[] = [];
  let rest = input;
  while (rest) {
    const r = feedLine(state, rest);
    echo += r.echo;
    state = r.state;
    rest = r.rest;
    if (r.action) actions.push(r.action);
  }
  return { echo, actions, state };
}

const line = (l: string): LineAction => ({ kind: 'line', line: l });

describe('feedLine', () => {
  it.each<[string, string, string, LineAction[]]>([
    ['typing and Enter', 'ls\r', 'ls\r\n', [line('ls')]],
    ['LF as Enter', 'ls\n', 'ls\r\n', [line('ls')]],
    ['CRLF is one Enter', 'a\r\nb\r\n', 'a\r\nb\r\n', [line('a'), line('b')]],
    ['Backspace (DEL) rubs out', 'lx\x7fs\r', 'lx\b \bs\r\n', [line('ls')]],
    ['^H rubs out too', 'lx\x08s\r', 'lx\b \bs\r\n', [line('ls')]],
    ['Backspace on an empty line does nothing', '\x7f\r', '\r\n', [line('')]],
    ['^U kills the line', 'abc\x15d\r', 'abc\b \b\b \b\b \bd\r\n', [line('d')]],
    ['^C abandons the line', 'abc\x03', 'abc^C\r\n', [{ kind: 'interrupt' }]],
    ['^D on an empty line is end of input', '\x04', '', [{ kind: 'eof' }]],
    ['^D on a non-empty line is ignored', 'a\x04\r', 'a\r\n', [line('a')]],
    ['^L clears and keeps the line', 'ab\x0c', 'ab', [{ kind: 'clear', buf: 'ab' }]],
    ['arrow keys are swallowed', 'a\x1b[A\x1b[Db\x1bOH\r', 'ab\r\n', [line('ab')]],
    ['bracketed paste markers are swallowed', '\x1b[200~ls\x1b[201~\r', 'ls\r\n', [line('ls')]],
    ['Tab inserts nothing', 'l\ts\r', 'ls\r\n', [line('ls')]],
    ['a multi-byte character is one rub-out', 'é\x7f\r', 'é\b \b\r\n', [line('')]],
  ])('%s', (_what, input, echo, actions) => {
    const r = run(input);
    expect(r.echo).toBe(echo);
    expect(r.actions).toEqual(actions);
  });

  it('stops at the first action and hands back the rest, so pasted lines run one by one', () => {
    const r = feedLine(EMPTY_LINE, 'hostname\rnvidia-smi\r');
    expect(r.action).toEqual(line('hostname'));
    expect(r.rest).toBe('nvidia-smi\r');
  });

  it('carries a half-typed line and a split escape sequence across chunks', () => {
    const a = feedLine(EMPTY_LINE, 'nvid\x1b[');
    expect(a.state).toMatchObject({ buf: 'nvid', esc: 'csi' });
    const b = run('Aia-smi\r', a.state);
    expect(b.actions).toEqual([line('nvidia-smi')]);
  });
});
