import { renderHelpQueryGpu, renderQueryGpu, type CsvFormat } from './nvidiaSmiQuery';
import { renderGpuList, renderNvidiaSmiTable, renderSmiVersion, type GpuSnapshot } from './nvidiaSmiText';

/**
 * The `nvidia-smi` command line of a simulated node: the summary table, `-L`, `--version`,
 * `--query-gpu` with `--format`, `-i`. nvidia-smi prints its own errors on stdout followed by a blank
 * line (so `2>/dev/null` does not hide them) and exits 2 for a bad argument, 6 when no GPU matches.
 */

export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
}

const HELP_HINT = "Please run 'nvidia-smi -h' for help.";
const bad = (message: string, code = 2): CommandOutput => ({ stdout: `${message}\n\n`, stderr: '', code });
const out = (stdout: string): CommandOutput => ({ stdout, stderr: '', code: 0 });

interface Parsed {
  mode: 'table' | 'list' | 'version' | 'help' | 'help-query-gpu' | 'query-gpu';
  query?: string;
  format?: string;
  ids?: string;
}

/** `--opt=value` or `--opt value` / `-o value`; returns the value and how many argv slots it used. */
function optionValue(
  args: readonly string[],
  i: number,
  long: string,
  short?: string,
): [string, number] | null {
  const a = args[i]!;
  if (a.startsWith(`${long}=`)) return [a.slice(long.length + 1), 1];
  if (a === long || (short && a === short)) return args[i + 1] === undefined ? ['', 1] : [args[i + 1]!, 2];
  return null;
}

function parseArgs(args: readonly string[]): Parsed | CommandOutput {
  const p: Parsed = { mode: 'table' };
  const setMode = (m: Parsed['mode']) => {
    if (p.mode !== 'table' && p.mode !== m) return false;
    p.mode = m;
    return true;
  };
  for (let i = 0; i < args.length;) {
    const a = args[i]!;
    let v: [string, number] | null;
    if (a === '-L' || a === '--list-gpus') {
      if (!setMode('list')) return bad(`Invalid combination of input arguments. ${HELP_HINT}`);
      i++;
    } else if (a === '--version') {
      if (!setMode('version')) return bad(`Invalid combination of input arguments. ${HELP_HINT}`);
      i++;
    } else if (a === '-h' || a === '--help') {
      p.mode = 'help';
      i++;
    } else if (a === '--help-query-gpu') {
      p.mode = 'help-query-gpu';
      i++;
    } else if ((v = optionValue(args, i, '--query-gpu'))) {
      if (!setMode('query-gpu')) return bad(`Invalid combination of input arguments. ${HELP_HINT}`);
      p.query = v[0];
      i += v[1];
    } else if ((v = optionValue(args, i, '--format'))) {
      p.format = v[0];
      i += v[1];
    } else if ((v = optionValue(args, i, '--id', '-i'))) {
      if (v[0] === '') return bad(`Missing value for -i argument. ${HELP_HINT}`);
      p.ids = v[0];
      i += v[1];
    } else {
      return bad(`ERROR: Option ${a} is not recognized. ${HELP_HINT}`);
    }
  }
  return p;
}

function parseFormat(spec: string): CsvFormat | null {
  const opts = spec.split(',').map((s) => s.trim());
  if (!opts.includes('csv')) return null;
  if (opts.some((o) => !['csv', 'noheader', 'nounits'].includes(o))) return null;
  return { header: !opts.includes('noheader'), units: !opts.includes('nounits') };
}

/** `-i 0,3` by index, UUID or PCI bus id, as nvidia-smi accepts them. */
function parseIds(spec: string, snap: GpuSnapshot): number[] | null {
  const out: number[] = [];
  for (const id of spec.split(',').map((s) => s.trim())) {
    const g = snap.node.gpus.find(
      (x) => String(x.index) === id || x.uuid === id || x.pciBusId.toLowerCase() === id.toLowerCase(),
    );
    if (!g) return null;
    out.push(g.index);
  }
  return out;
}

const SHORT_HELP = (v: string) =>
  [
    `NVIDIA System Management Interface -- v${v}`,
    '',
    'nvidia-smi [OPTION1 [ARG1]] [OPTION2 [ARG2]] ...',
    '',
    '    -h,   --help                Print usage information and exit.',
    '          --version             Print version information and exit.',
    '    -L,   --list-gpus           Display a list of GPUs connected to the system.',
    '    -i,   --id=                 Target a specific GPU.',
    '    --query-gpu                 Information about GPU.',
    '                                Call --help-query-gpu for more info.',
    '    --format=                   Comma separated list of format options:',
    '                                  csv - comma separated values (MANDATORY)',
    '                                  noheader - skip the first line with column headers',
    "                                  nounits - don't print units for numerical",
    '                                             values',
    '',
  ].join('\n');

export function runNvidiaSmi(args: readonly string[], snap: GpuSnapshot): CommandOutput {
  const p = parseArgs(args);
  if ('code' in p) return p;
  let ids: number[] | undefined;
  if (p.ids !== undefined) {
    const parsed = parseIds(p.ids, snap);
    if (!parsed) return bad('No devices were found', 6);
    ids = parsed;
  }
  switch (p.mode) {
    case 'help':
      return out(SHORT_HELP(snap.node.model.driverVersion));
    case 'help-query-gpu':
      return out(renderHelpQueryGpu());
    case 'version':
      return out(renderSmiVersion(snap.node.model));
    case 'list':
      return out(renderGpuList(snap, ids));
    case 'table':
      if (p.format !== undefined) return bad(`Invalid combination of input arguments. ${HELP_HINT}`);
      return out(renderNvidiaSmiTable(snap, ids));
    case 'query-gpu': {
      if (p.format === undefined) return bad(`"--format=" switch is missing. ${HELP_HINT}`);
      const format = parseFormat(p.format);
      if (!format) return bad(`Invalid combination of input arguments. ${HELP_HINT}`);
      const r = renderQueryGpu(snap, p.query ?? '', format, ids);
      return r.ok ? out(r.text) : bad(r.message);
    }
  }
}
