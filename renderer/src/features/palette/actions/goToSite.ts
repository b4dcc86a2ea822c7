import type { SiteSummary } from '../../../../../shared/domain';
import { countryName } from '../../../lib/country';
import type { PaletteAction } from '../paletteAction';

/** "Go to site Frankfurt": selects it as a click on the map does, on the fleet page with its panel. */
export const goToSiteAction = (site: Pick<SiteSummary, 'id' | 'name' | 'country'>): PaletteAction => ({
  name: `site:${site.id}`,
  label: `Go to site ${site.name}`,
  group: 'Site',
  keywords: [site.id, site.country, countryName(site.country)],
  enabled: () => true,
  perform: ({ state }) => {
    state.selectSite(site.id);
    state.setArea('fleet');
  },
});
