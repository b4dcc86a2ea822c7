import { StringDecoder } from 'node:string_decoder';
import type { AcceptConnection, ServerChannel, Session } from 'ssh2';
import { EMPTY_LINE, feedLine, type LineState } from './lineEditor';
import {
  interpretLine,
  KERNEL_RELEASE,
  promptOf,
  type LineEnd,
  type ShellContext,
  type ShellStep,
} from './simShell';

/**
 * One SSH session on a simulated node: `pty` and `window-change` keep the terminal size, `shell`
 * runs an interactive loop (echo, line editing, prompt), `exec` runs one line and reports its exit
 * status. The shell itself is `simShell`; this file only moves bytes and waits out sleeps.
 */

export type NodeShellContext = Omit<ShellContext, 'user' | 'tty'>;

export interface SessionHooks {
  /** Called when a login shell opens; returns the function to call when it closes. */
  opened(): () => void;
  /** Text shown above the first prompt. */
  motd: string;
}

const ignore = () => {};

/** A real PTY turns LF into CRLF (termios `onlcr`); our outputs are written with bare LFs. */
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Drives one line to its end; null if it was interrupted (^C, or the channel closed) during a sleep. */
async function runSteps(
  gen: Generator<ShellStep, LineEnd, { code: number; stdout: string; stderr: string } | undefined>,
  write: (stream: 'stdout' | 'stderr', text: string) => void,
  signal: AbortSignal,
): Promise<LineEnd | null> {
  let result: { code: number; stdout: string; stderr: string } | undefined;
  for (;;) {
    const step = gen.next(result);
    result = undefined;
    if (step.done) return step.value;
    if (step.value.kind === 'out') write(step.value.stream, step.value.text);
    else if (step.value.kind === 'program') {
      result = await step.value.run;
      if (signal.aborted) return null;
    } else if (!(await delay(step.value.ms, signal))) return null;
  }
}

function interactive(stream: ServerChannel, ctx: ShellContext, motd: string): void {
  const decoder = new StringDecoder('utf8');
  const prompt = promptOf(ctx);
  let state: LineState = EMPTY_LINE;
  let input = '';
  let busy = false;
  let closed = false;
  let lastCode = 0;
  let running: AbortController | null = null;
  const write = (s: string) => {
    if (!closed) stream.write(s);
  };
  const finish = (code: number) => {
    write('logout\r\n');
    closed = true;
    stream.exit(code);
    stream.end();
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    while (input && !closed) {
      const r = feedLine(state, input);
      state = r.state;
      input = r.rest;
      write(r.echo);
      const a = r.action;
      if (!a) continue;
      if (a.kind === 'eof') return finish(lastCode);
      if (a.kind === 'interrupt') lastCode = 130;
      if (a.kind === 'clear') {
        write(`\x1b[H\x1b[2J${prompt}${a.buf}`);
        continue;
      }
      if (a.kind === 'line' && a.line.trim()) {
        running = new AbortController();
        const end = await runSteps(
          interpretLine(a.line, ctx, lastCode),
          (_s, t) => write(crlf(t)),
          running.signal,
        );
        running = null;
        if (end?.exit) return finish(end.code);
        lastCode = end ? end.code : 130;
      }
      write(prompt);
    }
    busy = false;
  };

  stream.on('data', (d: Buffer) => {
    const s = decoder.write(d);
    // While a command runs, keystrokes wait for the next prompt, except ^C, which stops the command.
    if (busy && running && s.includes('\x03')) {
      write('^C\r\n');
      running.abort();
      input += s.slice(s.lastIndexOf('\x03') + 1);
      return;
    }
    input += s;
    void pump();
  });
  stream.on('close', () => {
    closed = true;
    running?.abort();
  });
  write(crlf(motd) + prompt);
}

async function execLine(
  stream: ServerChannel,
  ctx: ShellContext,
  command: string,
  pty: boolean,
): Promise<void> {
  const closed = new AbortController();
  stream.on('close', () => closed.abort());
  const end = await runSteps(
    interpretLine(command, ctx, 0),
    (which, text) => {
      if (closed.signal.aborted) return;
      // With a PTY both streams are the terminal; without one stderr is its own SSH stream.
      if (pty) stream.write(crlf(text));
      else if (which === 'stderr') stream.stderr.write(text);
      else stream.write(text);
    },
    closed.signal,
  );
  if (!end) return;
  stream.exit(end.code);
  stream.end();
}

export function motdFor(hostname: string, summary: string): string {
  return (
    `Welcome to Ubuntu 22.04.5 LTS (GNU/Linux ${KERNEL_RELEASE} x86_64)\n\n` +
    ` * ${hostname}: ${summary}\n` +
    ' * A simulated node of the Fleet Console demo fleet; type `nvidia-smi`.\n\n'
  );
}

/** Wires one `session` channel request. */
export function handleSession(
  accept: AcceptConnection<Session>,
  user: string,
  base: NodeShellContext,
  hooks: SessionHooks,
): void {
  const session = accept();
  let tty: { cols: number; rows: number } | null = null;
  const ctx: ShellContext = { ...base, user, tty: () => tty };
  session.on('pty', (ok, _reject, info) => {
    tty = { cols: info.cols, rows: info.rows };
    ok?.();
  });
  session.on('window-change', (ok, _reject, info) => {
    if (tty) tty = { cols: info.cols, rows: info.rows };
    ok?.();
  });
  session.on('env', (ok) => ok?.());
  session.on('shell', (ok) => {
    const stream = ok();
    // Only login shells count as users in `uptime` (utmp), not a broadcast's exec.
    stream.once('close', hooks.opened());
    stream.on('error', ignore);
    interactive(stream, ctx, hooks.motd);
  });
  session.on('exec', (ok, _reject, info) => {
    const stream = ok();
    stream.on('error', ignore);
    void execLine(stream, ctx, info.command, tty !== null);
  });
}
