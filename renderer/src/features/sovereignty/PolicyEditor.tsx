import { useId, useState } from 'react';
import type { PolicyStatus } from '../../../../shared/residency';
import { ROLE_LABELS } from '../../../../shared/roles';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { EXAMPLE_POLICY } from './examplePolicy';
import { countOf, shortSha } from './residencyFormat';

type State =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; status: PolicyStatus }
  | { kind: 'invalid'; lines: string[] }
  | { kind: 'error'; text: string };

interface Props {
  /** The policy in force (null until the first 'residency.now' answers). */
  policy: PolicyStatus | null;
  /** The text being edited; null = follow the policy in force. Kept by the page across tab switches. */
  draft: string | null;
  onDraft(text: string | null): void;
  /** The policy the core now has in force after a save (shown at once, before the next tick's answer). */
  onSaved(status: PolicyStatus): void;
}

/**
 * policies.yaml in a textarea (admin only: 'policy'). The core validates on save and refuses a file
 * with errors, naming "line N, field: …" for each; the last good policy stays in force meanwhile.
 */
export function PolicyEditor({ policy, draft, onDraft, onSaved }: Props) {
  const client = useClient();
  const id = useId();
  const role = useAppStore((s) => s.session?.role ?? null);
  const canEdit = useAppStore((s) => sessionCan(s.session, 'policy'));
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [beforeExample, setBeforeExample] = useState<string | null>(null);

  const inForce = policy?.text ?? '';
  const text = draft ?? inForce;
  const dirty = draft !== null && draft !== inForce;
  const saving = state.kind === 'saving';
  const why = canEdit
    ? undefined
    : role === null
      ? 'Waiting for this window’s role.'
      : `${ROLE_LABELS[role]} may read the policy; only an Admin may change it.`;

  const save = () => {
    if (!canEdit || saving) return;
    setState({ kind: 'saving' });
    void client.call('policy.set', { text }).then((r) => {
      if (r.ok) {
        setState({ kind: 'saved', status: r.value });
        setBeforeExample(null);
        onSaved(r.value);
        onDraft(null);
      } else if (r.error.code === 'CONFIG_INVALID') {
        setState({ kind: 'invalid', lines: r.error.message.split('\n').filter((l) => l.trim() !== '') });
      } else {
        setState({ kind: 'error', text: `Could not save the policy: ${r.error.message}` });
      }
    });
  };

  return (
    <div className="sov-policy-editor" data-testid="sov-policy">
      <div className="field">
        <label htmlFor={`${id}-text`}>Policy (YAML)</label>
        <textarea
          id={`${id}-text`}
          className="sov-yaml"
          value={text}
          readOnly={!canEdit}
          spellCheck={false}
          rows={24}
          aria-invalid={state.kind === 'invalid' || undefined}
          aria-describedby={`${id}-hint${state.kind === 'invalid' ? ` ${id}-errors` : ''}`}
          placeholder={
            canEdit ? 'No policy yet: everything is allowed. “Insert example” shows the format.' : undefined
          }
          onChange={(e) => {
            onDraft(e.target.value);
            if (state.kind === 'saved') setState({ kind: 'idle' });
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          Places are ISO 3166-1 alpha-2 countries (DE), subdivisions (DE-BY), the blocs EU and EEA, or groups
          of 3+ capitals defined under <code>groups:</code>. Rule ids are lower-case words joined by “-”. A
          deny beats any allow; a workload no rule binds falls to <code>default</code>.
        </p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button is-primary"
          disabled={!canEdit}
          title={why}
          aria-disabled={saving || undefined}
          onClick={save}
        >
          Save policy
        </button>
        <button
          type="button"
          className="button"
          disabled={!canEdit}
          title={why ?? 'Replace the text with a commented example (undo brings yours back)'}
          onClick={() => {
            setBeforeExample(text);
            onDraft(EXAMPLE_POLICY);
            setState({ kind: 'idle' });
          }}
        >
          Insert example
        </button>
        {beforeExample !== null && draft === EXAMPLE_POLICY && (
          <button
            type="button"
            className="button"
            onClick={() => {
              onDraft(beforeExample);
              setBeforeExample(null);
            }}
          >
            Undo insert
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={!dirty}
          onClick={() => {
            onDraft(null);
            setBeforeExample(null);
            setState({ kind: 'idle' });
          }}
        >
          Discard changes
        </button>
        <span className="hint sov-policy-state" data-testid="policy-dirty" data-dirty={dirty}>
          {dirty
            ? 'Unsaved changes'
            : policy?.sha256
              ? `In force: SHA-256 ${shortSha(policy.sha256)}`
              : 'In force: no policy (everything allowed)'}
        </span>
      </div>
      {why && <p className="hint">{why}</p>}
      {state.kind === 'invalid' && (
        <div className="sov-alert" role="alert" id={`${id}-errors`} data-testid="policy-errors">
          <p>
            Not saved: the policy has {countOf(state.lines.length, 'problem')}. The policy in force is
            unchanged.
          </p>
          <ul>
            {state.lines.map((l, i) => (
              <li key={i} className="mono">
                {l}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'error' && (
        <p className="sov-alert" role="alert" data-testid="policy-errors">
          {state.text}
        </p>
      )}
      <p
        role="status"
        className={`sov-policy-saved${state.kind === 'saving' ? ' is-saving' : ''}`}
        data-testid="policy-saved"
      >
        {state.kind === 'saving'
          ? 'Saving…'
          : state.kind === 'saved'
            ? `Saved and in force: ${countOf(state.status.rules, 'rule')}, default ${state.status.default}, SHA-256 ${shortSha(state.status.sha256)}. Recorded in the audit log.`
            : ''}
      </p>
    </div>
  );
}
