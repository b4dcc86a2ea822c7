import type { CallResponse } from '../../../../shared/contract';
import type { AppSlice } from '../../store/types';

export type SiteProfileList = CallResponse<'sites.list'>;

/**
 * The site profiles as 'sites.list' last answered: the profiles (no secret values), whether the demo
 * fleet runs, and the names of stored secrets. Fetched by the Sites area and after each change; the live
 * state of each site comes with the fleet ticks, not from here.
 */
export interface SiteProfilesSlice {
  /** Null until the first answer. */
  siteProfiles: SiteProfileList | null;
  /** Why the last fetch failed; null after a success. */
  siteProfilesError: string | null;
  setSiteProfiles(list: SiteProfileList): void;
  setSiteProfilesError(message: string | null): void;
}

export const createSiteProfilesSlice: AppSlice<SiteProfilesSlice> = (set) => ({
  siteProfiles: null,
  siteProfilesError: null,
  setSiteProfiles: (siteProfiles) => set({ siteProfiles, siteProfilesError: null }),
  setSiteProfilesError: (siteProfilesError) => set({ siteProfilesError }),
});
