import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TerminalTarget } from '../../../../shared/terminal';
import { useAppStore } from '../../store/appStore';
import { useSiteNodes } from '../sites/useSiteNodes';
import { hostTargetProblem } from './terminalText';

type Mode = 'node' | 'host';

/**
 * "New terminal": a node of a site (through its bastion) or any host / ~/.ssh/config alias. Opening
 * adds a tab; the core does the connecting and asks what it needs to know.
 */
export function NewTerminalForm({ allowed, why }: { allowed: boolean; why: string | undefined }) {
  const { sites, openTerminal } = useAppStore(
    useShallow((s) => ({ sites: s.sites, openTerminal: s.openTerminal })),
  );
  const [mode, setMode] = useState<Mode>('node');
  const [siteId, setSiteId] = useState('');
  const [hostname, setHostname] = useState('');
  const [host, setHost] = useState('');
  const [port, setPort] = useState('');
  const [user, setUser] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nodes = useSiteNodes(mode === 'node' && siteId ? siteId : null);
  const id = useId();

  // The chosen node, or the site's first one until the operator picks another.
  const node = nodes.hostnames?.includes(hostname) ? hostname : (nodes.hostnames?.[0] ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!allowed) return;
    let target: TerminalTarget;
    if (mode === 'node') {
      if (!siteId || !node) {
        setError(siteId ? 'This site lists no node to connect to.' : 'Choose a site and a node.');
        return;
      }
      target = { kind: 'node', siteId, hostname: node };
    } else {
      const problem = hostTargetProblem(host, port, user);
      if (problem) {
        setError(problem);
        return;
      }
      target = {
        kind: 'host',
        host: host.trim(),
        ...(port.trim() ? { port: Number(port.trim()) } : {}),
        ...(user.trim() ? { user: user.trim() } : {}),
      };
    }
    setError(null);
    openTerminal(target);
  };

  return (
    <form className="new-terminal" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        New terminal
      </h2>
      <fieldset className="radio-group" role="radiogroup" aria-labelledby={`${id}-mode`}>
        <legend id={`${id}-mode`}>Connect to</legend>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'node'}
            onChange={() => setMode('node')}
          />
          Site node
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'host'}
            onChange={() => setMode('host')}
          />
          Any host
        </label>
      </fieldset>
      <div className="new-terminal-row">
        {mode === 'node' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-site`}>Site</label>
              <select
                id={`${id}-site`}
                value={siteId}
                onChange={(e) => {
                  setSiteId(e.target.value);
                  setHostname('');
                  setError(null);
                }}
              >
                <option value="">Choose a site…</option>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-node`}>Node</label>
              <select
                id={`${id}-node`}
                className="mono"
                value={node}
                disabled={!nodes.hostnames?.length}
                onChange={(e) => setHostname(e.target.value)}
                aria-describedby={nodes.error ? `${id}-nodes-error` : undefined}
              >
                {!nodes.hostnames?.length && (
                  <option value="">{!siteId ? '—' : nodes.loading ? 'Loading…' : 'No nodes'}</option>
                )}
                {nodes.hostnames?.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-host`}>Host or alias</label>
              <input
                id={`${id}-host`}
                type="text"
                className="mono"
                value={host}
                maxLength={253}
                onChange={(e) => {
                  setHost(e.target.value);
                  setError(null);
                }}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <div className="field field-port">
              <label htmlFor={`${id}-port`}>Port</label>
              <input
                id={`${id}-port`}
                type="text"
                inputMode="numeric"
                className="mono"
                value={port}
                placeholder="22"
                maxLength={5}
                onChange={(e) => setPort(e.target.value)}
                autoComplete="off"
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-user`}>User</label>
              <input
                id={`${id}-user`}
                type="text"
                className="mono"
                value={user}
                placeholder="from ~/.ssh/config"
                maxLength={64}
                onChange={(e) => setUser(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          </>
        )}
        <button type="submit" className="button is-primary" disabled={!allowed} title={why}>
          Open terminal
        </button>
      </div>
      {nodes.error && (
        <p className="field-error" id={`${id}-nodes-error`}>
          Could not list the nodes: {nodes.error}
        </p>
      )}
      <p className="form-error" role="alert">
        {error}
      </p>
    </form>
  );
}
