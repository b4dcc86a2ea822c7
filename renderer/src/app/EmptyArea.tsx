import type { Area } from './areas';

/** A calm placeholder for an area whose issue has not landed yet. */
export function EmptyArea({ area }: { area: Area }) {
  return (
    <div className="empty-area">
      <h1 className="page-title">{area.label}</h1>
      <p>Not built yet — arrives with issue #{area.issue}.</p>
    </div>
  );
}
