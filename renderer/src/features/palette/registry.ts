import type { SiteSummary } from '../../../../shared/domain';
import type { NodeRow } from '../../../../shared/nodes';
import { acknowledgeCriticalAction } from './actions/acknowledgeCritical';
import { areaActions } from './actions/goToArea';
import { goToSiteAction } from './actions/goToSite';
import { nodeActions } from './actions/nodeActions';
import type { PaletteAction } from './paletteAction';

/**
 * Every action the palette offers now, in the order shown for an empty query: areas, the alert action,
 * then the sites of the fleet and the nodes the typed text found (at most 10, from `nodes.list`).
 */
export function paletteActions(
  sites: readonly Pick<SiteSummary, 'id' | 'name' | 'country'>[],
  nodes: readonly NodeRow[],
): PaletteAction[] {
  return [
    ...areaActions,
    acknowledgeCriticalAction,
    ...sites.map(goToSiteAction),
    ...nodes.flatMap(nodeActions),
  ];
}
