import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { fetchSiteNodes } from '../sites/useSiteNodes';
import { MAX_TARGETS, countBySite, nodesText, siteSelection, siteTargets } from './targets';

type SiteNodes =
  { kind: 'loading' } | { kind: 'ok'; hostnames: string[] } | { kind: 'error'; message: string };

/**
 * Which nodes a run goes to. Choosing a site selects all its nodes (up to the cap of 500 per run);
 * its nodes' checkboxes then take single nodes out or back in. Several sites can be combined.
 */
export function TargetPicker({ disabled }: { disabled: boolean }) {
  const client = useClient();
  const { sites, selected, add, remove, clear } = useAppStore(
    useShallow((s) => ({
      sites: s.sites,
      selected: s.broadcastTargets,
      add: s.addBroadcastTargets,
      remove: s.removeBroadcastTargets,
      clear: s.clearBroadcastTargets,
    })),
  );
  const [siteId, setSiteId] = useState('');
  const [known, setKnown] = useState<Record<string, SiteNodes>>({});
  const [note, setNote] = useState('');
  const id = useId();
  const allRef = useRef<HTMLInputElement>(null);

  const siteName = (sid: string) => sites.find((s) => s.id === sid)?.name ?? sid;
  const current = siteId ? known[siteId] : undefined;
  const hostnames = useMemo(() => (current?.kind === 'ok' ? current.hostnames : []), [current]);
  const chosen = useMemo(
    () => new Set(selected.filter((t) => t.siteId === siteId).map((t) => t.hostname)),
    [selected, siteId],
  );
  const state = siteSelection(selected, siteId, hostnames);

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = state === 'some';
  }, [state]);

  const addAll = (sid: string, names: readonly string[]) => {
    const skipped = add(siteTargets(sid, names));
    setNote(
      skipped > 0
        ? `A run takes at most ${MAX_TARGETS} nodes: ${nodesText(skipped)} of ${siteName(sid)} not selected.`
        : `Selected all ${nodesText(names.length)} of ${siteName(sid)}.`,
    );
  };

  /** A site chosen: list its nodes, and select them all unless some of them already are. */
  const choose = (sid: string) => {
    setSiteId(sid);
    setNote('');
    if (!sid) return;
    const have = known[sid];
    if (have?.kind === 'ok') {
      if (siteSelection(selected, sid, have.hostnames) === 'none') addAll(sid, have.hostnames);
      return;
    }
    setKnown((k) => ({ ...k, [sid]: { kind: 'loading' } }));
    void fetchSiteNodes(client, sid).then((r) => {
      setKnown((k) => ({
        ...k,
        [sid]: r.ok ? { kind: 'ok', hostnames: r.value } : { kind: 'error', message: r.error.message },
      }));
      if (!r.ok) return;
      const st = useAppStore.getState();
      if (siteSelection(st.broadcastTargets, sid, r.value) === 'none') addAll(sid, r.value);
    });
  };

  const bySite = countBySite(selected);

  return (
    <section className="bc-targets" aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        Targets
      </h2>
      <div className="field">
        <label htmlFor={`${id}-site`}>Site</label>
        <select id={`${id}-site`} value={siteId} disabled={disabled} onChange={(e) => choose(e.target.value)}>
          <option value="">Choose a site…</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({nodesText(s.nodes)})
            </option>
          ))}
        </select>
      </div>

      {siteId && (
        <fieldset className="bc-nodes" disabled={disabled}>
          <legend>Nodes of {siteName(siteId)}</legend>
          {current?.kind === 'error' && (
            <p className="field-error">Could not list the nodes: {current.message}</p>
          )}
          {current?.kind === 'loading' && <p className="muted">Loading nodes…</p>}
          {current?.kind === 'ok' && hostnames.length === 0 && (
            <p className="muted">This site lists no nodes.</p>
          )}
          {hostnames.length > 0 && (
            <>
              <label className="toggle bc-all">
                <input
                  ref={allRef}
                  type="checkbox"
                  checked={state === 'all'}
                  onChange={() => {
                    if (state === 'all') {
                      remove(siteTargets(siteId, hostnames));
                      setNote(`No node of ${siteName(siteId)} selected.`);
                    } else addAll(siteId, hostnames);
                  }}
                />
                All {nodesText(hostnames.length)} of {siteName(siteId)}
              </label>
              <div className="bc-node-list">
                {hostnames.map((h) => (
                  <label key={h} className="toggle">
                    <input
                      type="checkbox"
                      checked={chosen.has(h)}
                      onChange={(e) => {
                        const t = [{ siteId, hostname: h }];
                        if (!e.target.checked) remove(t);
                        else if (add(t) > 0) setNote(`A run takes at most ${MAX_TARGETS} nodes.`);
                      }}
                    />
                    <span className="mono">{h}</span>
                  </label>
                ))}
              </div>
            </>
          )}
        </fieldset>
      )}

      <div className="bc-selection">
        <p className="bc-selection-count">
          <strong>{nodesText(selected.length)}</strong> selected
          <span className="muted"> (at most {MAX_TARGETS} per run)</span>
        </p>
        {bySite.length > 0 && (
          <ul className="bc-selection-sites">
            {bySite.map((s) => (
              <li key={s.siteId}>
                {siteName(s.siteId)}: {s.count}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="text-button"
          disabled={disabled || selected.length === 0}
          onClick={() => {
            clear();
            setNote('Selection cleared.');
          }}
        >
          Clear selection
        </button>
      </div>
      <p className="bc-note" role="status">
        {note}
      </p>
    </section>
  );
}
