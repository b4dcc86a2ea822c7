import { useState } from 'react';
import type { Period } from '../../../../shared/sustainability';
import { useClient } from '../../app/clientContext';
import { saveTextFile } from '../../lib/saveTextFile';

/**
 * "Export CSV": the period's leaderboards as the core writes them (sustainability.export), handed to
 * the browser as a download. Rendered only for roles with 'reports'; the outcome goes to `onStatus`.
 */
export function ExportCsvButton({
  period,
  onStatus,
}: {
  period: Period;
  onStatus: (text: string, isError: boolean) => void;
}) {
  const client = useClient();
  const [running, setRunning] = useState(false);

  const run = () => {
    if (running) return;
    setRunning(true);
    onStatus('Exporting CSV…', false);
    void client.call('sustainability.export', { period }).then((r) => {
      setRunning(false);
      if (!r.ok) {
        onStatus(`Could not export: ${r.error.message}`, true);
        return;
      }
      try {
        saveTextFile(r.value.fileName, r.value.mimeType, r.value.content);
      } catch (e) {
        onStatus(`Could not hand the file to the browser: ${String(e)}`, true);
        return;
      }
      onStatus(`Exported ${r.value.fileName}.`, false);
    });
  };

  return (
    <button type="button" className="button" aria-disabled={running || undefined} onClick={run}>
      Export CSV
    </button>
  );
}
