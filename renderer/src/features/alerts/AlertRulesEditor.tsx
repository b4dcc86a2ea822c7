import { useState, type FormEvent } from 'react';
import { ALERT_SEVERITIES, type AlertRule, type AlertSeverity } from '../../../../shared/alerts';
import { useClient } from '../../app/clientContext';
import { KIND_WORDS } from './alertFilter';
import {
  checkDrafts,
  THRESHOLD_UNITS,
  toDrafts,
  usesIntervals,
  type RuleDraft,
  type RuleErrors,
} from './rulesForm';

interface Props {
  rules: readonly AlertRule[];
  notes: readonly string[];
}

type Status = { tone: 'ok' | 'error' | 'busy'; text: string } | null;

/**
 * The alert rules (admin only: the 'sites' permission): enabled, severity, threshold, and how long a
 * condition must hold (for) or stay gone (clear). Checked here with the contract's schema first; the
 * core's answer is shown as it comes.
 */
export function AlertRulesEditor({ rules, notes }: Props) {
  const client = useClient();
  // The form starts from the rules in force and keeps the admin's edits until Save or Reset.
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => toDrafts(rules));
  // The rules the form was loaded from: when the core's differ (another admin saved), the form says so.
  const [base, setBase] = useState(() => JSON.stringify(rules));
  const changedElsewhere = base !== JSON.stringify(rules);
  const load = () => {
    setDrafts(toDrafts(rules));
    setBase(JSON.stringify(rules));
    setErrors({});
  };
  const [errors, setErrors] = useState<RuleErrors>({});
  const [status, setStatus] = useState<Status>(null);

  const edit = (i: number, patch: Partial<RuleDraft>) => {
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
    setErrors((e) => {
      if (!e[i]) return e;
      const next = { ...e };
      delete next[i];
      return next;
    });
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (status?.tone === 'busy') return;
    const checked = checkDrafts(drafts);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ tone: 'error', text: `Not saved: ${checked.summary}` });
      return;
    }
    setErrors({});
    setStatus({ tone: 'busy', text: 'Saving…' });
    void client.call('alerts.setRules', { rules: checked.rules }).then((r) => {
      if (r.ok) {
        setDrafts(toDrafts(r.value.rules));
        setBase(JSON.stringify(r.value.rules));
        setStatus({ tone: 'ok', text: 'Saved. The engine uses the new rules from the next tick.' });
      } else setStatus({ tone: 'error', text: `Not saved: ${r.error.message}` });
    });
  };

  return (
    <form className="rules-editor" onSubmit={save} noValidate aria-labelledby="alert-rules-title">
      <h2 className="section-title" id="alert-rules-title">
        Alert rules
      </h2>
      {notes.length > 0 && (
        <ul className="rules-notes">
          {notes.map((n) => (
            <li key={n} className="inline-notice">
              {n}
            </li>
          ))}
        </ul>
      )}
      {changedElsewhere && (
        <p className="inline-notice">
          The rules were changed elsewhere since this form was loaded.{' '}
          <button type="button" className="text-button" onClick={load}>
            Load the current rules
          </button>
        </p>
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Alert rules table">
        <table className="data-table rules-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">On</th>
              <th scope="col">Severity</th>
              <th scope="col">Threshold</th>
              <th scope="col" title="How long the condition must hold before the alert fires">
                For
              </th>
              <th scope="col" title="How long the condition must stay gone before the alert resolves">
                Clear after
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d, i) => (
              <RuleRow key={`${d.id}-${i}`} draft={d} errors={errors[i]} onEdit={(p) => edit(i, p)} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="rules-actions">
        <p className={`rules-status is-${status?.tone ?? 'none'}`} role="status">
          {status?.text}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            load();
            setStatus(null);
          }}
        >
          Reset
        </button>
        <button
          type="submit"
          className="button is-primary"
          aria-disabled={status?.tone === 'busy' || undefined}
        >
          Save rules
        </button>
      </div>
    </form>
  );
}

function RuleRow({
  draft: d,
  errors,
  onEdit,
}: {
  draft: RuleDraft;
  errors: Partial<Record<string, string>> | undefined;
  onEdit: (patch: Partial<RuleDraft>) => void;
}) {
  const unit = THRESHOLD_UNITS[d.kind];
  const intervals = usesIntervals(d.kind);
  const holdField = intervals ? 'forIntervals' : 'forS';
  return (
    <tr data-testid="alert-rule-row" data-rule-id={d.id}>
      <th scope="row">
        <span className="mono">{d.id}</span>
        <span className="muted rules-kind">{KIND_WORDS[d.kind]}</span>
        <FieldError text={errors?.id} />
      </th>
      <td>
        <input
          type="checkbox"
          aria-label={`${d.id} enabled`}
          checked={d.enabled}
          onChange={(e) => onEdit({ enabled: e.target.checked })}
        />
      </td>
      <td>
        <select
          aria-label={`${d.id} severity`}
          value={d.severity}
          onChange={(e) => onEdit({ severity: e.target.value as AlertSeverity })}
        >
          {ALERT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </td>
      <td>
        {unit ? (
          <NumberInput
            label={`${d.id} threshold`}
            value={d.threshold}
            unit={unit}
            error={errors?.threshold}
            onChange={(threshold) => onEdit({ threshold })}
          />
        ) : (
          <span className="muted" title="This kind has no threshold">
            —
          </span>
        )}
        {!unit && <FieldError text={errors?.threshold} />}
      </td>
      <td>
        <NumberInput
          label={`${d.id} ${intervals ? 'hold in poll intervals' : 'hold in seconds'}`}
          value={intervals ? d.forIntervals : d.forS}
          unit={intervals ? 'polls' : 's'}
          error={errors?.[holdField] ?? (intervals ? errors?.forS : undefined)}
          onChange={(v) => onEdit(intervals ? { forIntervals: v } : { forS: v })}
        />
      </td>
      <td>
        <NumberInput
          label={`${d.id} clear after seconds`}
          value={d.clearS}
          unit="s"
          error={errors?.clearS}
          onChange={(clearS) => onEdit({ clearS })}
        />
      </td>
    </tr>
  );
}

function NumberInput(props: {
  label: string;
  value: string;
  unit: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <span className="rules-number">
      <input
        type="text"
        inputMode="decimal"
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
        value={props.value}
        size={6}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span className="muted">{props.unit}</span>
      <FieldError text={props.error} />
    </span>
  );
}

const FieldError = ({ text }: { text: string | undefined }) =>
  text ? <span className="field-error rules-error">{text}</span> : null;
