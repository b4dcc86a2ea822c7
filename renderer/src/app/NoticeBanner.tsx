import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/appStore';

const SOURCE_WORDS: Record<string, string> = {
  'app.info': 'Could not read the console version',
  'fleet.snapshot': 'Could not load the fleet snapshot',
  'fleet.history': 'Could not load the fleet history',
  'session.get': 'Could not read this window’s role',
  'session.setRole': 'Could not switch role',
};

/** Failed calls, as calm sentences (the contract's own messages); never a stack trace. */
export function NoticeBanner() {
  const { notices, setNotice } = useAppStore(
    useShallow((s) => ({ notices: s.notices, setNotice: s.setNotice })),
  );
  return (
    <div className="notices" role="alert">
      {notices.map((n) => (
        <div className="notice" key={n.source}>
          <p>
            <strong>{SOURCE_WORDS[n.source] ?? n.source}.</strong> {n.message}
          </p>
          <button
            type="button"
            className="text-button"
            onClick={() => setNotice(n.source, null)}
            aria-label={`Dismiss: ${SOURCE_WORDS[n.source] ?? n.source}`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
