import { SiteList } from './SiteList';

export function SitesPage() {
  return (
    <div className="page sites-page">
      <h1 className="page-title">Sites</h1>
      <SiteList />
    </div>
  );
}
