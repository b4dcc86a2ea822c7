import { useCallback, useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { NodeAlerts } from '../alerts/NodeAlerts';
import { SloPanel } from '../sites/SloPanel';
import { GpuGrid } from './GpuGrid';
import { NodeCharts } from './NodeCharts';
import { NodeHeader } from './NodeHeader';
import { NodeJobs } from './NodeJobs';
import { NodeTimeline } from './NodeTimeline';
import { NODE_HISTORY_MARK, type NodeRoute } from './nodeRoute';
import { useNodeDetail } from './useNodeDetail';

/**
 * One node (issue 4): who it is and its actions, its GPUs now, their last minutes, its alerts, jobs,
 * availability (Host SLO) and timeline. Fetched on open and on every tick. Mount keyed by node.
 */
export function NodePage({ route }: { route: NodeRoute }) {
  const { siteId, hostname } = route;
  const { detail, error, loading, refresh } = useNodeDetail(siteId, hostname);
  const goToArea = useAppStore((s) => s.goToArea);
  const clearNodeIntent = useAppStore((s) => s.clearNodeIntent);
  const [highlight, setHighlight] = useState<number | null>(null);

  const back = useCallback(() => {
    const state: unknown = window.history.state;
    if (state && typeof state === 'object' && (state as Record<string, unknown>)[NODE_HISTORY_MARK])
      window.history.back();
    else goToArea('nodes');
  }, [goToArea]);

  if (!detail)
    return (
      <div className="page node-page">
        <button type="button" className="text-button" onClick={back}>
          ← Nodes
        </button>
        <h1 className="page-title node-title">
          <span className="mono">{hostname}</span> <span className="muted">{siteId}</span>
        </h1>
        {loading ? (
          <p className="muted">Loading the node…</p>
        ) : (
          <p className="inline-notice" role="alert">
            {error?.message ?? 'The node could not be loaded.'}
          </p>
        )}
      </div>
    );

  return (
    <div className="page node-page" data-testid="node-page" data-hostname={hostname} data-site-id={siteId}>
      <NodeHeader
        detail={detail}
        drainIntent={route.intent === 'drain'}
        onIntentDone={clearNodeIntent}
        onBack={back}
        refresh={refresh}
      />
      {error && (
        <p className="inline-notice" role="alert">
          {`Showing the last answer: ${error.message}`}
        </p>
      )}
      <div className="node-layout">
        <div className="node-main">
          <section className="node-section" aria-label="GPUs">
            <GpuGrid gpus={detail.gpus} highlight={highlight} onHighlight={setHighlight} />
          </section>
          <NodeCharts
            hostname={hostname}
            series={detail.series}
            at={detail.at}
            highlight={highlight}
            onHighlight={setHighlight}
          />
          <NodeJobs jobs={detail.jobs} at={detail.at} hasScheduler={detail.scheduler !== null} />
        </div>
        <div className="node-side">
          <NodeAlerts siteId={siteId} hostname={hostname} fallback={detail.alerts} at={detail.at} />
          <div className="node-section">
            <SloPanel
              slo={detail.slo}
              at={detail.at}
              title="Host SLO"
              heading="h2"
              testId="node-slo"
              subject="Host"
            />
          </div>
          <NodeTimeline events={detail.timeline} now={detail.at} />
        </div>
      </div>
    </div>
  );
}
