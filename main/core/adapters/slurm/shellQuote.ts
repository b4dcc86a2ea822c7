/**
 * POSIX sh quoting for the one place an argv must become a string: a command sent over SSH, which
 * the remote user's shell parses again. Every argument is wrapped in single quotes (inside which sh
 * treats nothing as special) and each embedded ' becomes '\'' — the form POSIX guarantees
 * (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_02_02).
 */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) throw new Error('a shell argument cannot contain a NUL byte');
  // Plain words stay readable in logs and audit entries.
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** An argv as one command line, each element quoted; env assignments go in front via `env`. */
export function shellJoin(argv: readonly string[], env: Record<string, string> = {}): string {
  const assigns = Object.entries(env).map(([k, v]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`"${k}" is not an environment variable name`);
    return `${k}=${shellQuote(v)}`;
  });
  const words = argv.map(shellQuote);
  return (assigns.length ? ['env', ...assigns, ...words] : words).join(' ');
}
