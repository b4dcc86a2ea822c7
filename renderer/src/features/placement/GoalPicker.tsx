import { useId, useState, type FormEvent } from 'react';
import type { PlanView } from '../../../../shared/placement';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import {
  EMPTY_FORM,
  EVACUATE_CHOICES,
  GOAL_LABELS,
  choicePermission,
  goalFromForm,
  isGoalChoice,
  rolesThatCan,
  type GoalChoice,
  type GoalForm,
} from './placementForm';
import { useSiteNames } from './useSiteNames';

interface Props {
  /** A new preview was asked for (null: the old one is no longer what the form says) or arrived. */
  onPlan(plan: PlanView | null): void;
}

/**
 * What to plan: a goal and its scope, then "Preview plan". Goals the session's role may not plan
 * are disabled with the roles that may (the core refuses them anyway); the core's refusal, or a
 * scope that does not parse, is shown here in words.
 */
export function GoalPicker({ onPlan }: Props) {
  const client = useClient();
  const id = useId();
  const session = useAppStore((s) => s.session);
  const sites = useSiteNames().list;
  const [form, setForm] = useState<GoalForm>(EMPTY_FORM);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const allowed = (choice: GoalChoice) => sessionCan(session, choicePermission(choice));
  const mayPlan = allowed(form.choice);
  const edit = (patch: Partial<GoalForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
  };

  const preview = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const goal = goalFromForm(form);
    if (!goal.ok) {
      setProblem(goal.message);
      return;
    }
    setBusy(true);
    setError(null);
    onPlan(null);
    void client.call('placement.plan', { goal: goal.value }).then((r) => {
      setBusy(false);
      if (r.ok) onPlan(r.value);
      else setError(r.error);
    });
  };

  const message = problem ?? (error ? error.message : null);
  const scopeInvalid = problem !== null;

  return (
    <form className="placement-goal" aria-labelledby={`${id}-title`} onSubmit={preview} noValidate>
      <h2 className="section-title" id={`${id}-title`}>
        Goal
      </h2>
      <div className="placement-goal-row">
        <div className="field">
          <label htmlFor={`${id}-goal`}>What to plan</label>
          <select
            id={`${id}-goal`}
            data-testid="placement-goal"
            value={form.choice}
            onChange={(e) => {
              if (isGoalChoice(e.target.value)) edit({ choice: e.target.value });
            }}
          >
            <option value="consolidate" disabled={!allowed('consolidate')}>
              {optionLabel('consolidate', allowed('consolidate'))}
            </option>
            <option value="relieve" disabled={!allowed('relieve')}>
              {optionLabel('relieve', allowed('relieve'))}
            </option>
            <optgroup label="Evacuate / what-if">
              {EVACUATE_CHOICES.map((c) => (
                <option key={c} value={c} disabled={!allowed(c)}>
                  {optionLabel(c, allowed(c))}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        {(form.choice === 'relieve' || form.choice === 'evacuate-node') && (
          <div className="field placement-scope">
            <label htmlFor={`${id}-node`}>
              {form.choice === 'relieve' ? 'Nodes (site/host, comma-separated)' : 'Node (site/host)'}
            </label>
            <input
              id={`${id}-node`}
              data-testid="placement-scope-node"
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder={
                form.choice === 'relieve' ? 'eu-fra-1/gpu-a-01, eu-fra-1/gpu-a-02' : 'eu-fra-1/gpu-a-01'
              }
              value={form.nodes}
              aria-invalid={scopeInvalid || undefined}
              aria-describedby={message ? `${id}-error` : undefined}
              onChange={(e) => edit({ nodes: e.target.value })}
            />
          </div>
        )}
        {form.choice === 'evacuate-site' && (
          <div className="field placement-scope">
            <label htmlFor={`${id}-site`}>Site</label>
            <select
              id={`${id}-site`}
              data-testid="placement-scope-site"
              value={form.siteId}
              aria-invalid={scopeInvalid || undefined}
              aria-describedby={message ? `${id}-error` : undefined}
              onChange={(e) => edit({ siteId: e.target.value })}
            >
              <option value="">{sites.length === 0 ? 'No sites yet' : 'Choose a site…'}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name === s.id ? s.id : `${s.name} (${s.id})`}
                </option>
              ))}
            </select>
          </div>
        )}
        {form.choice === 'evacuate-region' && (
          <div className="field placement-scope">
            <label htmlFor={`${id}-countries`}>Countries (ISO codes, comma-separated)</label>
            <input
              id={`${id}-countries`}
              data-testid="placement-scope-countries"
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder="DE, FR"
              value={form.countries}
              aria-invalid={scopeInvalid || undefined}
              aria-describedby={message ? `${id}-error` : undefined}
              onChange={(e) => edit({ countries: e.target.value.toUpperCase() })}
            />
          </div>
        )}
        <button
          type="submit"
          className="button is-primary placement-preview-button"
          data-testid="placement-preview"
          disabled={!mayPlan}
          aria-disabled={busy || undefined}
        >
          {busy ? 'Planning…' : 'Preview plan'}
        </button>
      </div>
      {!mayPlan && session !== null && (
        <p className="hint">
          Planning this needs the {rolesThatCan(choicePermission(form.choice))} role. Switch role in the
          header.
        </p>
      )}
      {form.choice.startsWith('evacuate') && mayPlan && (
        <p className="hint">
          A what-if: previewing moves nothing. Running it is a failover, confirmed by name.
        </p>
      )}
      {message && (
        <p
          className="inline-notice placement-error"
          id={`${id}-error`}
          role="alert"
          data-testid="placement-error"
        >
          {message}
        </p>
      )}
    </form>
  );
}

function optionLabel(choice: GoalChoice, allowed: boolean): string {
  return allowed
    ? GOAL_LABELS[choice]
    : `${GOAL_LABELS[choice]} — needs ${rolesThatCan(choicePermission(choice))}`;
}
