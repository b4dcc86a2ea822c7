import { useId, useMemo, useState } from 'react';
import type { ResidencyHistory } from './useResidencyHistory';
import { EvidenceReport } from './EvidenceReport';
import { HistorySection } from './HistorySection';
import { NowSection } from './NowSection';
import { PolicyEditor } from './PolicyEditor';
import type { ReportDoc } from './reportDoc';
import { ReportSection } from './ReportSection';
import { countOf } from './residencyFormat';
import { SectionTabs, panelId, tabId, type SectionId } from './SectionTabs';
import { useResidencyHistory } from './useResidencyHistory';
import { useResidencyNow } from './useResidencyNow';

/** Tenants and data classes of the workloads running now, for the History selects. */
function namesNow(workloads: readonly { tenant: string; dataClass: string }[]) {
  return {
    tenants: [...new Set(workloads.map((w) => w.tenant))],
    dataClasses: [...new Set(workloads.map((w) => w.dataClass))],
  };
}

/**
 * The Sovereignty area (issue 7): where every workload runs now against the residency policy (Now),
 * where a tenant's data ran over a period (History), the evidence report and its verification
 * (Report), and the policy itself (Policy). The state that must outlive a tab switch lives here:
 * the History question and answer, the last report, the policy draft.
 */
export function SovereigntyPage() {
  const base = useId();
  const [section, setSection] = useState<SectionId>('now');
  const now = useResidencyNow();
  const [openedAt] = useState(() => Date.now());
  const history: ResidencyHistory = useResidencyHistory(openedAt);
  const [lastReport, setLastReport] = useState<ReportDoc | null>(null);
  const [printing, setPrinting] = useState<ReportDoc | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const names = useMemo(() => namesNow(now.now?.workloads ?? []), [now.now]);

  if (printing) return <EvidenceReport doc={printing} onBack={() => setPrinting(null)} />;

  const violations = now.now?.violations.length ?? 0;

  return (
    <div className="page sov-page" data-testid="sovereignty-page" data-section={section}>
      <div className="sov-head">
        <h1 className="page-title">Sovereignty</h1>
        <SectionTabs
          base={base}
          value={section}
          onChange={setSection}
          badges={violations > 0 ? { now: countOf(violations, 'violation') } : undefined}
        />
      </div>
      <div
        className="sov-panel-body"
        role="tabpanel"
        id={panelId(base)}
        aria-labelledby={tabId(base, section)}
      >
        {section === 'now' ? (
          <NowSection state={now} />
        ) : section === 'history' ? (
          <HistorySection history={history} tenantsNow={names.tenants} dataClassesNow={names.dataClasses} />
        ) : section === 'report' ? (
          <ReportSection
            form={history.form}
            last={lastReport}
            onMade={setLastReport}
            onPrint={setPrinting}
            onEditQuestion={() => setSection('history')}
          />
        ) : (
          <PolicyEditor
            policy={now.now?.policy ?? null}
            draft={draft}
            onDraft={setDraft}
            onSaved={now.applyPolicy}
          />
        )}
      </div>
    </div>
  );
}
