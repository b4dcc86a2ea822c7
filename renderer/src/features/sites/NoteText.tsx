import type { ActionNote } from './schedulerText';

/** An action's outcome under its row: running, refused (with a dismiss), or accepted. */
export function NoteText({
  note,
  subject,
  onDismiss,
}: {
  note: ActionNote;
  /** What the note is about ("gpu1", "job 42"), for the dismiss button's name. */
  subject: string;
  onDismiss: () => void;
}) {
  return (
    <span className={`row-note-action is-${note.tone}`} role={note.tone === 'warn' ? 'alert' : 'status'}>
      {note.text}
      {note.tone !== 'busy' && (
        <button
          type="button"
          className="row-button row-note-dismiss"
          aria-label={`Dismiss the message about ${subject}`}
          onClick={onDismiss}
        >
          Dismiss
        </button>
      )}
    </span>
  );
}
