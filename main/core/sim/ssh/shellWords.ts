/**
 * Splits a command line the way bash does for the small subset the simulated nodes understand:
 * words with '…' and "…" quoting and backslash escapes, `$NAME`, `${NAME}` and `$?` expansion, `#`
 * comments, and lists joined by `;`, `&&` and `||`. Pipes, redirections, background jobs and
 * command substitution are refused with a message rather than half-done.
 *
 * Variables are kept as parts of a word and expanded only when the command runs, so `false; echo $?`
 * sees the status of `false`.
 */

export type WordPart = { kind: 'lit'; text: string } | { kind: 'var'; name: string };

export interface Word {
  parts: WordPart[];
  /** Any quoting at all: an empty quoted word ("") stays an argument, an empty unquoted one vanishes. */
  quoted: boolean;
}

export type Connector = ';' | '&&' | '||';

export interface SimpleCommand {
  words: Word[];
  /** How this command is joined to the one before it; null for the first. */
  after: Connector | null;
}

export type ParsedLine = { ok: true; commands: SimpleCommand[] } | { ok: false; message: string };

export const UNSUPPORTED =
  'sim-shell: pipes, redirections, background jobs and command substitution are not supported on simulated nodes';

const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

export function parseCommandLine(line: string): ParsedLine {
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];
  let word: Word | null = null;
  let pending: Connector | null = null;
  const lit = (text: string) => {
    word ??= { parts: [], quoted: false };
    const last = word.parts.at(-1);
    if (last?.kind === 'lit') last.text += text;
    else word.parts.push({ kind: 'lit', text });
  };
  const endWord = () => {
    if (word) words.push(word);
    word = null;
  };
  const endCommand = (c: Connector | null): string | null => {
    endWord();
    if (words.length === 0) {
      // `;` alone or `a && && b` — bash names the token it did not expect.
      if (c) return `bash: syntax error near unexpected token \`${c}'`;
      if (pending && pending !== ';') return 'bash: syntax error: unexpected end of file';
      return null;
    }
    commands.push({ words, after: commands.length === 0 ? null : pending });
    words = [];
    pending = c;
    return null;
  };
  /** `$…` at i; returns the index after it. */
  const dollar = (i: number): number | string => {
    const n = line[i + 1];
    if (n === '(') return UNSUPPORTED;
    word ??= { parts: [], quoted: false };
    if (n === '?') {
      word.parts.push({ kind: 'var', name: '?' });
      return i + 2;
    }
    if (n === '{') {
      const close = line.indexOf('}', i + 2);
      const name = close < 0 ? '' : line.slice(i + 2, close);
      if (!isNameStart(name[0]) || ![...name].every(isNameChar))
        return `bash: ${line.slice(i)}: bad substitution`;
      word.parts.push({ kind: 'var', name });
      return close + 1;
    }
    if (!isNameStart(n)) {
      lit('$');
      return i + 1;
    }
    let j = i + 1;
    while (isNameChar(line[j])) j++;
    word.parts.push({ kind: 'var', name: line.slice(i + 1, j) });
    return j;
  };

  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      endWord();
      i++;
    } else if (c === '#' && word === null) {
      break;
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { ok: false, message: "bash: unexpected EOF while looking for matching `''" };
      lit(line.slice(i + 1, close));
      word!.quoted = true;
      i = close + 1;
    } else if (c === '"') {
      word ??= { parts: [], quoted: false };
      word.quoted = true;
      let j = i + 1;
      for (;;) {
        const d = line[j];
        if (d === undefined)
          return { ok: false, message: 'bash: unexpected EOF while looking for matching `"\'' };
        if (d === '"') break;
        if (d === '`') return { ok: false, message: UNSUPPORTED };
        if (d === '\\' && ['$', '`', '"', '\\'].includes(line[j + 1] ?? '')) {
          lit(line[j + 1]!);
          j += 2;
        } else if (d === '$') {
          const r = dollar(j);
          if (typeof r === 'string') return { ok: false, message: r };
          j = r;
        } else {
          lit(d);
          j++;
        }
      }
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 < line.length) lit(line[i + 1]!);
      i += 2;
    } else if (c === '$') {
      const r = dollar(i);
      if (typeof r === 'string') return { ok: false, message: r };
      i = r;
    } else if (c === ';') {
      const e = endCommand(';');
      if (e) return { ok: false, message: e };
      i++;
    } else if ((c === '&' || c === '|') && line[i + 1] === c) {
      const e = endCommand(c === '&' ? '&&' : '||');
      if (e) return { ok: false, message: e };
      i += 2;
    } else if ('|&<>`()'.includes(c)) {
      return { ok: false, message: UNSUPPORTED };
    } else {
      lit(c);
      i++;
    }
  }
  const e = endCommand(null);
  if (e) return { ok: false, message: e };
  return { ok: true, commands };
}

/** Expands a word's variables; an unquoted word that expands to nothing is dropped (null). */
export function expandWord(word: Word, lookup: (name: string) => string): string | null {
  const text = word.parts.map((p) => (p.kind === 'lit' ? p.text : lookup(p.name))).join('');
  return text === '' && !word.quoted ? null : text;
}
