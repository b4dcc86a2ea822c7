import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/appStore';
import { AREAS } from './areas';

export function Nav() {
  // goToArea: Nodes means the table, even from a node page (features/nodes/nodesSlice.ts).
  const { area, setArea } = useAppStore(useShallow((s) => ({ area: s.area, setArea: s.goToArea })));
  return (
    <nav className="nav" aria-label="Areas">
      <ul>
        {AREAS.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={`nav-item${a.issue === null ? '' : ' is-pending'}`}
              data-testid={`nav-${a.id}`}
              aria-current={area === a.id ? 'page' : undefined}
              onClick={() => setArea(a.id)}
            >
              {a.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
