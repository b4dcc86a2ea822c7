import { useId, useState, type FormEvent } from 'react';
import type { SustainabilitySettings } from '../../../../shared/sustainability';
import { useClient } from '../../app/clientContext';
import {
  formFromSettings,
  parseIdleRuleForm,
  type IdleRuleField,
  type IdleRuleFormValues,
} from './idleRuleForm';

interface Props {
  settings: SustainabilitySettings;
  onSaved: (s: SustainabilitySettings) => void;
  onCancel: () => void;
}

/**
 * The small inline form behind "Edit" on the idle rule: a threshold in % and a window in minutes and
 * seconds (or only seconds). Checked here with the contract's own schema; the core's refusal, if any,
 * is shown as it came.
 */
export function IdleRuleForm({ settings, onSaved, onCancel }: Props) {
  const client = useClient();
  const id = useId();
  const [values, setValues] = useState<IdleRuleFormValues>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<Partial<Record<IdleRuleField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const set = (field: IdleRuleField) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors((er) => ({ ...er, [field]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const parsed = parseIdleRuleForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    setFailure(null);
    void client.call('sustainability.setSettings', parsed.settings).then((r) => {
      setSaving(false);
      if (r.ok) onSaved(r.value);
      else setFailure(`Could not save the idle rule: ${r.error.message}`);
    });
  };

  const field = (
    name: IdleRuleField,
    label: string,
    props: { inputMode: 'decimal' | 'numeric'; size: number },
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        type="text"
        inputMode={props.inputMode}
        size={props.size}
        value={values[name]}
        onChange={set(name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
      />
      {errors[name] && (
        <span className="field-error" id={`${id}-${name}-error`}>
          {errors[name]}
        </span>
      )}
    </div>
  );

  return (
    <form className="sus-rule-form" aria-label="Idle rule" onSubmit={submit} noValidate>
      {field('thresholdPct', 'Threshold (%)', { inputMode: 'decimal', size: 5 })}
      {field('windowMin', 'Window (min)', { inputMode: 'numeric', size: 4 })}
      {field('windowSec', 'Window (s)', { inputMode: 'numeric', size: 5 })}
      <div className="button-row sus-rule-actions">
        <button type="submit" className="button is-primary" aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="hint sus-rule-hint">
        Applies from now on; energy already booked keeps the rule it was booked under.
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
