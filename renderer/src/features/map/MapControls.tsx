import { COLOR_MODES, type MapColorMode } from './colorModes';

interface ModeProps {
  mode: MapColorMode;
  onMode: (mode: MapColorMode) => void;
}

/** What marker fills show: a row of toggle buttons, one pressed. */
export function ColorModeControl({ mode, onMode }: ModeProps) {
  return (
    <div className="map-controls map-modes" role="group" aria-label="Colour sites by">
      {COLOR_MODES.map((m) => (
        <button
          key={m.id}
          type="button"
          className={`map-mode${m.id === mode ? ' is-active' : ''}`}
          aria-pressed={m.id === mode}
          data-testid={`map-mode-${m.id}`}
          onClick={() => onMode(m.id)}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}

interface ZoomProps {
  canZoomIn: boolean;
  canZoomOut: boolean;
  isHome: boolean;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
}

/**
 * Zoom buttons. At a limit they are aria-disabled rather than disabled, so keyboard focus stays on the
 * button that was just pressed.
 */
export function ZoomControls({ canZoomIn, canZoomOut, isHome, onZoomIn, onZoomOut, onReset }: ZoomProps) {
  return (
    <div className="map-controls map-zoom" role="group" aria-label="Map zoom">
      <button
        type="button"
        className="map-zoom-button"
        aria-label="Zoom in"
        title="Zoom in (+)"
        aria-disabled={!canZoomIn}
        onClick={() => canZoomIn && onZoomIn()}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M6 1v10M1 6h10" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button
        type="button"
        className="map-zoom-button"
        aria-label="Zoom out"
        title="Zoom out (−)"
        aria-disabled={!canZoomOut}
        onClick={() => canZoomOut && onZoomOut()}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M1 6h10" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button
        type="button"
        className="map-zoom-button"
        aria-label="Reset map view"
        title="Reset map view (0)"
        aria-disabled={isHome}
        onClick={() => !isHome && onReset()}
      >
        {/* Four corners: "fit the whole map". */}
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" fill="none">
          <path d="M1 4V1h3M8 1h3v3M11 8v3H8M4 11H1V8" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
    </div>
  );
}
