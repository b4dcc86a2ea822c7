import { useState } from 'react';
import type { SustainabilitySettings } from '../../../../shared/sustainability';
import { IdleRuleForm } from './IdleRuleForm';
import { idleRuleText } from './wasteFormat';

interface Props {
  /** Null until the first summary arrives. */
  settings: SustainabilitySettings | null;
  canEdit: boolean;
  /** After a save: the page fetches the summary again (it carries the settings). */
  onSaved: (text: string) => void;
}

/** The idle rule in words, with "Edit" (for roles with 'reports') opening the inline form. */
export function IdleRule({ settings, canEdit, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="sus-rule">
      <span className="sus-rule-text" data-testid="idle-rule">
        {settings ? idleRuleText(settings) : 'Idle rule: loading…'}
      </span>
      {canEdit && settings && !editing && (
        <button type="button" className="text-button" onClick={() => setEditing(true)}>
          Edit
        </button>
      )}
      {editing && settings && (
        <IdleRuleForm
          settings={settings}
          onCancel={() => setEditing(false)}
          onSaved={(s) => {
            setEditing(false);
            onSaved(`Idle rule saved: ${idleRuleText(s)}. It applies from now on.`);
          }}
        />
      )}
    </div>
  );
}
