import { useId, useRef, useState, type FormEvent } from 'react';
import { useClient } from '../../app/clientContext';
import { saveTextFile } from '../../lib/saveTextFile';
import { MAX_IMPORT_BYTES, importSummary, splitImportErrors } from './siteImport';

/**
 * "Export YAML": every profile as one file (never a secret value), handed to the browser as a download.
 * What happened is told through `onStatus`, into the page's status line.
 */
export function ExportButton({ onStatus }: { onStatus: (text: string) => void }) {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const run = () => {
    if (running) return;
    setRunning(true);
    onStatus('Exporting the site profiles…');
    void client.call('sites.export', {}).then((r) => {
      setRunning(false);
      if (!r.ok) {
        onStatus(`Could not export: ${r.error.message}`);
        return;
      }
      try {
        saveTextFile(r.value.fileName, 'application/yaml', r.value.content);
        onStatus(`Exported the site profiles as ${r.value.fileName} (no secret values).`);
      } catch (e) {
        onStatus(`Could not hand the file to the browser: ${String(e)}`);
      }
    });
  };
  return (
    <button type="button" className="button" onClick={run} aria-disabled={running || undefined}>
      Export YAML
    </button>
  );
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; lead: string; problems: string[] };

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/**
 * "Import YAML": a fleet file (as exported, or written by hand) merged into the profiles or replacing
 * them. A refused file lists its problems one per line, each with the line and field it concerns.
 */
export function ImportForm({
  allowed,
  why,
  onImported,
}: {
  allowed: boolean;
  why?: string;
  onImported: () => void;
}) {
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const running = state.kind === 'running';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (running || !allowed) return;
    if (!file) {
      setState({ kind: 'error', lead: 'Choose a YAML file first.', problems: [] });
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setState({
        kind: 'error',
        lead: `${file.name} is larger than the 20 MB an import may be.`,
        problems: [],
      });
      return;
    }
    setState({ kind: 'running' });
    let yaml: string;
    try {
      yaml = await readText(file);
    } catch (err) {
      setState({ kind: 'error', lead: `Could not read ${file.name}: ${String(err)}`, problems: [] });
      return;
    }
    const r = await client.call('sites.import', { yaml, mode });
    if (r.ok) {
      setState({ kind: 'done', text: `${file.name}: ${importSummary(r.value)}` });
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onImported();
    } else if (r.error.code === 'CONFIG_INVALID')
      setState({ kind: 'error', ...splitImportErrors(r.error.message) });
    else setState({ kind: 'error', lead: r.error.message, problems: [] });
  };

  return (
    <form
      className="import-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
      data-testid="site-import"
      noValidate
    >
      <h2 id={`${id}-title`} className="section-title">
        Import YAML
      </h2>
      <div className="import-row">
        <div className="field">
          <label htmlFor={`${id}-file`}>YAML file</label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept=".yaml,.yml"
            disabled={!allowed}
            title={why}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ kind: 'idle' });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-mode`}>Mode</label>
          <select
            id={`${id}-mode`}
            value={mode}
            disabled={!allowed}
            title={why}
            onChange={(e) => setMode(e.target.value === 'replace' ? 'replace' : 'merge')}
            aria-describedby={`${id}-mode-hint`}
          >
            <option value="merge">Merge: add new sites, update those with the same id</option>
            <option value="replace">Replace: the file becomes the whole fleet</option>
          </select>
        </div>
        <div className="field field-button">
          <button
            type="submit"
            className="button"
            disabled={!allowed}
            title={why}
            aria-disabled={running || undefined}
          >
            Import YAML
          </button>
        </div>
      </div>
      <p className="hint" id={`${id}-mode-hint`}>
        {mode === 'replace'
          ? 'Replace removes every site that is not in the file.'
          : 'Merge keeps the sites that are not in the file.'}{' '}
        Secrets are not part of the file: a secret it names must already be stored.
      </p>
      <div className="import-result" role="status" data-testid="site-import-result">
        {state.kind === 'running' && <p className="muted">Importing…</p>}
        {state.kind === 'done' && <p className="import-ok">{state.text}</p>}
        {state.kind === 'error' && (
          <>
            <p className="import-error">{state.lead}</p>
            {state.problems.length > 0 && (
              <ul className="import-problems">
                {state.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </form>
  );
}
