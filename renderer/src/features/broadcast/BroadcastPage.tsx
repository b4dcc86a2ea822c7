import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { sshWhy } from '../terminal/terminalText';
import { CommandForm } from './CommandForm';
import { RunView } from './RunView';
import { TargetPicker } from './TargetPicker';

/**
 * The Broadcast area (issue 5): one command on up to 500 nodes, with live progress, every node's
 * result, and identical outputs grouped — the odd ones out (another driver, a missing mount) marked.
 */
export function BroadcastPage() {
  const { run, canSsh, roleKnown } = useAppStore(
    useShallow((s) => ({
      run: s.broadcastRun,
      canSsh: sessionCan(s.session, 'ssh'),
      roleKnown: s.session !== null,
    })),
  );
  const why = sshWhy(canSsh, roleKnown);
  const running = run !== null && !run.finished && run.error === null;

  return (
    <div className="page broadcast-page">
      <h1 className="page-title">Broadcast</h1>
      {!canSsh && roleKnown && (
        <p className="hint">
          Running commands on nodes needs the NOC operator or Admin role (the SSH permission).
        </p>
      )}
      <div className="bc-setup">
        <TargetPicker disabled={!canSsh || running} />
        <CommandForm allowed={canSsh} why={why} running={running} />
      </div>
      {run && <RunView run={run} />}
    </div>
  );
}
