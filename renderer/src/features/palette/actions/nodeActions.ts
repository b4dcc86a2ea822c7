import type { NodeRow } from '../../../../../shared/nodes';
import { NEEDS_DRAIN } from '../../sites/schedulerText';
import { sessionCan } from '../../session/sessionSlice';
import { NEEDS_SSH } from '../../terminal/terminalText';
import type { PaletteAction } from '../paletteAction';

type NodeRef = Pick<NodeRow, 'siteId' | 'siteName' | 'hostname' | 'schedulerState'>;

const words = (n: NodeRef) => [n.hostname, n.siteId, n.siteName];

/** "Go to node gpu-a-01": its node page, as the node table's row does. */
export const goToNodeAction = (n: NodeRef): PaletteAction => ({
  name: `node:${n.siteId}/${n.hostname}`,
  label: `Go to node ${n.hostname}`,
  group: n.siteName,
  keywords: ['node', 'host', ...words(n)],
  enabled: () => true,
  perform: ({ state }) => state.openNodePage({ siteId: n.siteId, hostname: n.hostname }),
});

/** "Open shell on gpu-a-01": a terminal tab, as the node page's "Open shell" button. */
export const openShellAction = (n: NodeRef): PaletteAction => ({
  name: `node.shell:${n.siteId}/${n.hostname}`,
  label: `Open shell on ${n.hostname}`,
  group: n.siteName,
  keywords: ['ssh', 'terminal', 'shell', 'console', ...words(n)],
  enabled: ({ state }) => sessionCan(state.session, 'ssh'),
  disabledText: NEEDS_SSH,
  perform: ({ state }) => void state.openTerminal({ kind: 'node', siteId: n.siteId, hostname: n.hostname }),
});

/** "Drain gpu-a-01": the node page with its drain dialog open (the reason is asked there). */
export const drainNodeAction = (n: NodeRef): PaletteAction => ({
  name: `node.drain:${n.siteId}/${n.hostname}`,
  label: `Drain ${n.hostname}`,
  group: n.siteName,
  keywords: ['drain', 'slurm', 'scheduler', 'maintenance', ...words(n)],
  enabled: ({ state }) =>
    sessionCan(state.session, 'drain') && n.schedulerState !== null && !/DRAIN/i.test(n.schedulerState),
  disabledText: `${NEEDS_DRAIN}, and a scheduler that knows the node and has not drained it`,
  perform: ({ state }) => state.openNodePage({ siteId: n.siteId, hostname: n.hostname, intent: 'drain' }),
});

export const nodeActions = (n: NodeRef): PaletteAction[] => [
  goToNodeAction(n),
  openShellAction(n),
  drainNodeAction(n),
];
