/**
 * Shown while an area's chunk loads. That takes a moment (the chunk comes from this machine), so the
 * text fades in only if it lasts (styles.css), rather than flashing on every first visit.
 */
export function AreaLoading() {
  return (
    <p className="area-loading" role="status">
      Loading…
    </p>
  );
}
