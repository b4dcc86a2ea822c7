import { useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SiteProfile } from '../../../../shared/siteProfile';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { RemoveSiteDialog } from '../siteProfiles/RemoveSiteDialog';
import { SiteFormDialog } from '../siteProfiles/SiteFormDialog';
import { ExportButton, ImportForm } from '../siteProfiles/SiteImportExport';
import { useSiteProfiles } from '../siteProfiles/useSiteProfiles';
import { SiteList, type SiteRowActions } from './SiteList';

/** Shown on every admin-only control a role without 'sites' sees disabled. */
export const NEEDS_ADMIN = 'Needs the Admin role';

type Open =
  | { kind: 'none' }
  | { kind: 'add' }
  | { kind: 'edit'; profile: SiteProfile }
  | { kind: 'remove'; site: { id: string; name: string } };

/**
 * The Sites area (issue 3): the live site list with each site's status, reason and data age; for
 * admins, adding, editing and removing site profiles, and importing or exporting them as YAML. The
 * map and the list pick up every change through the fleet ticks; the profiles are fetched again here.
 */
export function SitesPage() {
  const { reload } = useSiteProfiles();
  const { list, listError, canEdit, roleKnown, selectedSiteId, selectSite } = useAppStore(
    useShallow((s) => ({
      list: s.siteProfiles,
      listError: s.siteProfilesError,
      canEdit: sessionCan(s.session, 'sites'),
      roleKnown: s.session !== null,
      selectedSiteId: s.selectedSiteId,
      selectSite: s.selectSite,
    })),
  );
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  const adminWhy = canEdit ? undefined : roleKnown ? NEEDS_ADMIN : 'Waiting for this window’s role';
  const rowWhy =
    adminWhy ??
    (list === null
      ? 'Loading the site profiles…'
      : list.demo
        ? 'The demo fleet’s sites cannot be changed: add your own site, which replaces the demo fleet'
        : null);

  // One object for every row, changed only when what it says changes, so rows stay memoised.
  const profiles = list?.profiles;
  const onEdit = useCallback(
    (id: string) => {
      const profile = profiles?.find((p) => p.id === id);
      if (profile) setOpen({ kind: 'edit', profile });
      else setStatus(`Site ${id} has no saved profile to edit yet.`);
    },
    [profiles],
  );
  const onRemove = useCallback(
    (id: string) => {
      const profile = profiles?.find((p) => p.id === id);
      setOpen({ kind: 'remove', site: { id, name: profile?.name ?? id } });
    },
    [profiles],
  );
  const actions = useMemo<SiteRowActions>(
    () => ({ disabledWhy: rowWhy, onEdit, onRemove }),
    [rowWhy, onEdit, onRemove],
  );

  const close = () => setOpen({ kind: 'none' });
  const afterChange = (text: string) => {
    setStatus(text);
    void reload();
  };

  return (
    <div className="page sites-page">
      <div className="sites-head">
        <h1 className="page-title" ref={headingRef} tabIndex={-1}>
          Sites
        </h1>
        <div className="button-row">
          <button
            type="button"
            className="button is-primary"
            data-testid="site-add"
            disabled={!canEdit}
            title={adminWhy}
            onClick={() => setOpen({ kind: 'add' })}
          >
            Add site
          </button>
          <ExportButton onStatus={setStatus} />
        </div>
      </div>

      {list?.demo && (
        <p className="calm-note" data-testid="demo-note">
          You are looking at the simulated demo fleet. Adding your first site replaces it.
        </p>
      )}
      {!canEdit && roleKnown && (
        <p className="hint">Adding, editing, removing and importing sites needs the Admin role.</p>
      )}
      {listError && (
        <p className="inline-notice" role="alert">
          Could not load the site profiles: {listError}
        </p>
      )}
      <p className="page-status" role="status" data-testid="sites-status">
        {status}
      </p>

      <SiteList actions={actions} showReason />

      <ImportForm
        allowed={canEdit}
        why={adminWhy}
        onImported={() => afterChange('Import done; the list updates with the next fleet tick.')}
      />

      {(open.kind === 'add' || open.kind === 'edit') && (
        <SiteFormDialog
          key={open.kind === 'edit' ? `edit-${open.profile.id}` : 'add'}
          mode={open}
          onClose={close}
          onSaved={(profile, added) => {
            close();
            afterChange(`${added ? 'Added' : 'Saved'} site ${profile.name} (${profile.id}).`);
          }}
        />
      )}
      {open.kind === 'remove' && (
        <RemoveSiteDialog
          site={open.site}
          onClose={close}
          focusAfterRemove={headingRef}
          onRemoved={(id) => {
            close();
            if (selectedSiteId === id) selectSite(null);
            afterChange(`Removed site ${open.site.name} (${id}).`);
          }}
        />
      )}
    </div>
  );
}
