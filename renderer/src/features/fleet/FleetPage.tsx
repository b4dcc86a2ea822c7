import { WorldMap } from '../map/WorldMap';
import { SiteList } from '../sites/SiteList';
import { FleetCharts } from './FleetCharts';

/** Fleet overview: the map large, the two fleet charts beside it, every site below. */
export function FleetPage() {
  return (
    <div className="page fleet-page">
      <h1 className="page-title">Fleet overview</h1>
      <div className="fleet-grid">
        <WorldMap />
        <FleetCharts />
      </div>
      <section className="site-list-section" aria-labelledby="fleet-sites-heading">
        <h2 id="fleet-sites-heading" className="section-title">
          Sites
        </h2>
        <SiteList />
      </section>
    </div>
  );
}
