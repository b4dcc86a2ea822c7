import { useMemo } from 'react';
import { useAppStore } from '../../store/appStore';
import type { MapColorMode } from './colorModes';
import { indexResidency } from './jurisdiction';
import type { MapMarkData } from './mapMarks';
import { modeNote, residencyUnknownWhy } from './modeNotes';
import { indexAlerts } from './siteAlerts';
import { useResidencyNow } from './useResidencyNow';

export interface MapMarks {
  data: MapMarkData;
  /** The legend's note for the mode, if it needs one. */
  note: string | null;
}

/**
 * What the Alerts and Jurisdiction modes colour and badge by. The alert list is the store's copy (pushed
 * by 'alerts.changed'); 'residency.now' is asked only while Jurisdiction is shown. Indexes are rebuilt
 * only when their input changes, so the markers get the same props between answers.
 */
export function useMapMarkData(mode: MapColorMode): MapMarks {
  const alertList = useAppStore((s) => s.alertList);
  // Silences lapse by data time: the newest of the fleet tick and the list (as the header badge does).
  const alertsAt = useAppStore((s) => Math.max(s.totals?.at ?? 0, s.alertList?.at ?? 0));
  const residency = useResidencyNow(mode === 'jurisdiction');

  const alerts = useMemo(
    () => (mode === 'alerts' && alertList !== null ? indexAlerts(alertList, alertsAt) : null),
    [mode, alertList, alertsAt],
  );
  const residencyIndex = useMemo(
    () => (residency.now === null ? null : indexResidency(residency.now)),
    [residency.now],
  );
  const residencyNote = residencyUnknownWhy(residency);

  const data = useMemo<MapMarkData>(
    () => ({ alerts, residency: residencyIndex, residencyNote }),
    [alerts, residencyIndex, residencyNote],
  );
  return { data, note: modeNote(mode, residency, alertList) };
}
