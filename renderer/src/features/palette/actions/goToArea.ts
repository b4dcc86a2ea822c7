import { AREAS, type Area } from '../../../app/areas';
import type { PaletteAction } from '../paletteAction';

/** "Go to Nodes": the same as the navigation's button (Nodes means the table, even from a node page). */
export const goToAreaAction = (area: Area): PaletteAction => ({
  name: `area:${area.id}`,
  label: `Go to ${area.label}`,
  group: 'Go to',
  keywords: ['area', 'page', 'open', area.id],
  enabled: () => true,
  perform: ({ state }) => state.goToArea(area.id),
});

export const areaActions: readonly PaletteAction[] = AREAS.map(goToAreaAction);
