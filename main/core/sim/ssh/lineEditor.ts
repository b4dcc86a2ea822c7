/**
 * The line discipline of a simulated node's interactive shell, as a pure function: typed characters
 * are echoed, Backspace (DEL or ^H) rubs out, ^U kills the line, ^C abandons it, ^D on an empty line
 * logs out, ^L clears the screen, Enter (CR, LF or CRLF) submits. Escape sequences (arrow keys,
 * bracketed-paste markers) are swallowed: there is no history or cursor movement to drive.
 *
 * `feedLine` stops at the first completed action and returns the unread rest, so a paste of several
 * lines runs them one at a time, each after the previous command has finished.
 */

export interface LineState {
  buf: string;
  /** Inside an escape sequence: after ESC, after `ESC [` (CSI) or after `ESC O` (SS3). */
  esc: 'none' | 'esc' | 'csi' | 'ss3';
  /** The last key was CR, so a following LF belongs to it. */
  afterCr: boolean;
}

export type LineAction =
  { kind: 'line'; line: string } | { kind: 'interrupt' } | { kind: 'eof' } | { kind: 'clear'; buf: string };

export interface FeedResult {
  state: LineState;
  /** What to write back to the terminal, in order. */
  echo: string;
  action: LineAction | null;
  rest: string;
}

export const EMPTY_LINE: LineState = { buf: '', esc: 'none', afterCr: false };

export function feedLine(state: LineState, input: string): FeedResult {
  let { buf, esc, afterCr } = state;
  let echo = '';
  const chars = [...input]; // by code point, so a multi-byte character is one rub-out
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const code = c.codePointAt(0)!;
    const lf = afterCr && c === '\n';
    afterCr = false;
    const done = (action: LineAction, next: Partial<LineState> = {}): FeedResult => ({
      state: { buf: '', esc: 'none', afterCr: false, ...next },
      echo,
      action,
      rest: chars.slice(i + 1).join(''),
    });
    if (esc === 'esc') {
      esc = c === '[' ? 'csi' : c === 'O' ? 'ss3' : 'none';
      continue;
    }
    if (esc === 'csi') {
      if (code >= 0x40 && code <= 0x7e) esc = 'none';
      continue;
    }
    if (esc === 'ss3') {
      esc = 'none';
      continue;
    }
    if (lf) continue;
    if (c === '\r' || c === '\n') {
      echo += '\r\n';
      return done({ kind: 'line', line: buf }, { afterCr: c === '\r' });
    }
    switch (code) {
      case 0x1b:
        esc = 'esc';
        break;
      case 0x7f:
      case 0x08:
        if (buf) {
          buf = [...buf].slice(0, -1).join('');
          echo += '\b \b';
        }
        break;
      case 0x15: // ^U
        echo += '\b \b'.repeat([...buf].length);
        buf = '';
        break;
      case 0x03: // ^C
        echo += '^C\r\n';
        return done({ kind: 'interrupt' });
      case 0x04: // ^D: logout on an empty line, ignored otherwise (bash without a cursor to delete at)
        if (!buf) return done({ kind: 'eof' });
        break;
      case 0x0c: // ^L
        return done({ kind: 'clear', buf }, { buf });
      default:
        // Other control keys, Tab included (there is no completion), insert nothing.
        if (code >= 0x20) {
          buf += c;
          echo += c;
        }
    }
  }
  return { state: { buf, esc, afterCr }, echo, action: null, rest: '' };
}
