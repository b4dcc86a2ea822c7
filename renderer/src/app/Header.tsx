import { useAppStore } from '../store/appStore';
import { RoleControl } from '../features/session/RoleControl';

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
      <RoleControl />
    </header>
  );
}
