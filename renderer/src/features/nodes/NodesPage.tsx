import { useAppStore } from '../../store/appStore';
import { NodePage } from './NodePage';
import { NodeTablePage } from './NodeTablePage';

/** The Nodes area: the fleet-wide table, or one node's page when the address names one. */
export function NodesPage() {
  const route = useAppStore((s) => s.nodeRoute);
  if (route === null) return <NodeTablePage />;
  return <NodePage key={`${route.siteId}/${route.hostname}`} route={route} />;
}
