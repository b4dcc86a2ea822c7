import { useState } from 'react';
import type { NodeDetail } from '../../../../shared/nodes';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { countryName } from '../../lib/country';
import { oneLine } from '../../lib/oneLine';
import { sessionCan } from '../session/sessionSlice';
import { DrainDialog } from '../sites/DrainDialog';
import { StatusBadge } from '../sites/StatusBadge';
import { drainWhy, isRunning, nodeActionOffer, schedulerStateText } from '../sites/schedulerText';
import { sshWhy } from '../terminal/terminalText';
import { shortModel } from './nodeText';

interface Props {
  detail: NodeDetail;
  /** The palette asked for the drain dialog ("Drain node"). */
  drainIntent: boolean;
  onIntentDone: () => void;
  onBack: () => void;
  refresh: () => void;
}

type ActionNote = { tone: 'ok' | 'error' | 'busy'; text: string } | null;

/** Who the node is and what may be done to it: open a shell, drain (the site panel's dialog) or resume. */
export function NodeHeader({ detail, drainIntent, onIntentDone, onBack, refresh }: Props) {
  const client = useClient();
  const { siteId, node, scheduler } = detail;
  const canSsh = useAppStore((s) => sessionCan(s.session, 'ssh'));
  const canDrain = useAppStore((s) => sessionCan(s.session, 'drain'));
  const roleKnown = useAppStore((s) => s.session !== null);
  const openTerminal = useAppStore((s) => s.openTerminal);
  const selectSite = useAppStore((s) => s.selectSite);
  const setArea = useAppStore((s) => s.setArea);
  const [drainOpen, setDrainOpen] = useState(false);
  const [note, setNote] = useState<ActionNote>(null);

  const offer = nodeActionOffer(scheduler);
  const shellWhy = sshWhy(canSsh, roleKnown);
  const schedWhy =
    drainWhy(canDrain, roleKnown) ?? (scheduler === null ? 'No scheduler knows this node' : undefined);
  const sched = schedulerStateText(scheduler);
  const showDrain = drainOpen || (drainIntent && schedWhy === undefined && offer.drain);

  const drain = async (hostname: string, reason: string): Promise<AppError | null> => {
    const r = await client.call('node.drain', { siteId, hostname, reason: reason.trim() });
    if (r.ok) {
      setNote({ tone: 'ok', text: 'Drain accepted: Slurm shows it within a poll or two.' });
      refresh();
    }
    return r.ok ? null : r.error;
  };
  const resume = () => {
    setNote({ tone: 'busy', text: 'Asking Slurm to resume…' });
    void client.call('node.resume', { siteId, hostname: node.hostname }).then((r) => {
      setNote(r.ok ? { tone: 'ok', text: 'Resume accepted.' } : { tone: 'error', text: r.error.message });
      if (r.ok) refresh();
    });
  };
  const closeDrain = () => {
    setDrainOpen(false);
    if (drainIntent) onIntentDone();
  };

  return (
    <header className="node-head">
      <div className="node-head-line">
        <button type="button" className="text-button" onClick={onBack}>
          ← Nodes
        </button>
        <h1 className="page-title node-title" tabIndex={-1} style={oneLine()} title={node.hostname}>
          <span className="mono">{node.hostname}</span>
        </h1>
        <StatusBadge status={node.status} reason={node.statusReason} />
        <span className={`sched sched-${sched.tone}`} title={sched.title}>
          <span className="sched-dot" aria-hidden="true" />
          {scheduler === null ? 'no scheduler' : sched.text}
        </span>
        <span className="node-head-actions">
          <button
            type="button"
            className="button"
            disabled={shellWhy !== undefined}
            title={shellWhy ?? `Open a terminal on ${node.hostname}`}
            onClick={() => openTerminal({ kind: 'node', siteId, hostname: node.hostname })}
          >
            Open shell
          </button>
          {(offer.drain || scheduler === null) && (
            <button
              type="button"
              className="button"
              disabled={schedWhy !== undefined}
              title={schedWhy ?? `Stop Slurm placing new jobs on ${node.hostname} (asks for a reason)`}
              onClick={() => setDrainOpen(true)}
            >
              Drain
            </button>
          )}
          {offer.resume && (
            <button
              type="button"
              className="button"
              disabled={schedWhy !== undefined}
              aria-disabled={note?.tone === 'busy' || undefined}
              title={schedWhy ?? `Return ${node.hostname} to service in Slurm`}
              onClick={() => note?.tone !== 'busy' && resume()}
            >
              Resume
            </button>
          )}
        </span>
      </div>
      <p className="node-facts">
        <button
          type="button"
          className="link-button"
          title="Show the site on the fleet page"
          onClick={() => {
            selectSite(siteId);
            setArea('fleet');
          }}
        >
          {detail.siteName}
        </button>
        <span>{countryName(detail.country)}</span>
        <span title={node.model ?? 'model not reported'} style={oneLine()}>
          {node.model === null ? '—' : shortModel(node.model)}
        </span>
        <span>{`${node.gpus} GPU${node.gpus === 1 ? '' : 's'}`}</span>
        {scheduler?.reason && (
          <span
            title={`Slurm reason: ${scheduler.reason}`}
            style={oneLine()}
          >{`reason: ${scheduler.reason}`}</span>
        )}
      </p>
      <p className={`node-action-note is-${note?.tone ?? 'none'}`} role="status">
        {note?.text}
      </p>
      {showDrain && (
        <DrainDialog
          hostname={node.hostname}
          siteName={detail.siteName}
          scheduler={scheduler}
          runningJobs={detail.jobs.filter(isRunning).map((j) => j.id)}
          drain={drain}
          onClose={closeDrain}
        />
      )}
    </header>
  );
}
