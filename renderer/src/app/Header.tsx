import { useAppStore } from '../store/appStore';
import { RoleControl } from '../features/session/RoleControl';
import { AlertBadge } from '../features/alerts/AlertBadge';
import { openPalette } from '../features/palette/paletteOpen';

export function Header() {
  const info = useAppStore((s) => s.appInfo);
  return (
    <header className="topbar">
      <span className="brand">Fleet Console</span>
      {info && (
        <span className="topbar-info">
          <span>v{info.version}</span>
          <span>{info.fleetSource === 'demo' ? 'Demo fleet' : 'Configured fleet'}</span>
          <span>{info.shell === 'desktop' ? 'Desktop' : info.shell === 'served' ? 'Served' : 'Test'}</span>
        </span>
      )}
      <span className="topbar-noc">
        <button
          type="button"
          className="palette-button"
          title="Command palette (Ctrl+K)"
          aria-keyshortcuts="Control+K Meta+K"
          onClick={openPalette}
        >
          Commands <kbd>Ctrl K</kbd>
        </button>
        <AlertBadge />
      </span>
      <RoleControl />
    </header>
  );
}
