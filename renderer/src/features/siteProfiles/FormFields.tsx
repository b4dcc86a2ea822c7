import type { ReactNode } from 'react';
import type { FieldErrors, FieldKey, SiteForm, TextKey } from './siteForm';
import type { SecretSlot, SecretValues } from './secretSlots';

/** What every field of the site form needs: the values, the problems, and how to change them. */
export interface FormCtx {
  form: SiteForm;
  errors: FieldErrors;
  /** Prefix of every DOM id in this form (from useId). */
  idBase: string;
  set<K extends keyof SiteForm>(key: K, value: SiteForm[K]): void;
  clearErrors(keys: readonly string[]): void;
  secretValues: SecretValues;
  setSecretValue(slot: SecretSlot, value: string): void;
  storedSecrets: ReadonlySet<string>;
  editing: boolean;
}

export const domId = (ctx: FormCtx, field: string): string => `${ctx.idBase}-${field.replace(/\./g, '-')}`;

/** The attributes that tie an input to its label, hint and error. */
export interface InputA11y {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'data-field': string;
}

interface FieldProps {
  ctx: FormCtx;
  field: FieldKey;
  label: string;
  hint?: ReactNode;
  className?: string;
  render: (a11y: InputA11y) => ReactNode;
}

/** A visible label, the control, an optional hint and the field's problem right under it. */
export function Field({ ctx, field, label, hint, className, render }: FieldProps) {
  const id = domId(ctx, field);
  const error = ctx.errors[field];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {render({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        'data-field': field,
      })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  ctx: FormCtx;
  field: TextKey;
  label: string;
  hint?: ReactNode;
  placeholder?: string;
  className?: string;
  readOnly?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'url' | 'text';
  maxLength?: number;
  list?: string;
  mono?: boolean;
}

export function TextField(p: TextFieldProps) {
  return (
    <Field
      ctx={p.ctx}
      field={p.field}
      label={p.label}
      hint={p.hint}
      className={p.className}
      render={(a11y) => (
        <input
          {...a11y}
          type="text"
          className={p.mono ? 'mono' : undefined}
          value={p.ctx.form[p.field]}
          onChange={(e) => p.ctx.set(p.field, e.target.value)}
          placeholder={p.placeholder}
          readOnly={p.readOnly}
          inputMode={p.inputMode}
          maxLength={p.maxLength}
          list={p.list}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    />
  );
}

interface ChoiceProps<V extends string> {
  ctx: FormCtx;
  /** The form key holding the choice, and the name of the radio group. */
  field: keyof SiteForm & FieldKey;
  legend: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

/** Radio buttons in a fieldset whose legend names the group (role radiogroup, for assistive tech). */
export function RadioGroup<V extends string>({
  ctx,
  field,
  legend,
  value,
  options,
  onChange,
}: ChoiceProps<V>) {
  const id = domId(ctx, field);
  const error = ctx.errors[field];
  return (
    <fieldset
      className="radio-group"
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend id={`${id}-legend`}>{legend}</legend>
      {options.map((o, i) => (
        <label key={o.value} className="radio">
          <input
            type="radio"
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            data-field={i === 0 ? field : undefined}
          />
          {o.label}
        </label>
      ))}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A checkbox that switches an optional section on. */
export function Toggle({
  ctx,
  field,
  label,
}: {
  ctx: FormCtx;
  field: 'slurmEnabled' | 'bastionEnabled';
  label: string;
}) {
  const id = domId(ctx, field);
  return (
    <label className="toggle" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={ctx.form[field]}
        onChange={(e) => ctx.set(field, e.target.checked)}
        data-field={field}
      />
      {label}
    </label>
  );
}

interface SecretFieldProps {
  ctx: FormCtx;
  slot: SecretSlot;
  nameLabel: string;
  valueLabel: string;
  /** The name used when the name field is left blank. */
  defaultName: string;
  /** The name the profile will use (typed or default). */
  effectiveName: string;
  /** A secret the profile may go without (a key's passphrase): unused until named or typed. */
  optional?: boolean;
}

/**
 * A secret is two inputs: its name in the secret store (what the profile holds) and a password input
 * for its value, sent once with Save or Test and never shown again. Whether the store already holds a
 * value under that name is said in words.
 */
export function SecretField(p: SecretFieldProps) {
  const { ctx, slot, nameLabel, valueLabel, defaultName, effectiveName } = p;
  const stored = ctx.storedSecrets.has(effectiveName);
  const typed = (ctx.secretValues[slot] ?? '') !== '';
  const unused = p.optional && !typed && ctx.form[slot].trim() === '';
  const state = unused
    ? 'Optional: only for a key that has a passphrase.'
    : typed
      ? stored
        ? 'Replaces the stored value when you save.'
        : 'Stored when you save.'
      : stored
        ? 'Stored — leave blank to keep it.'
        : 'Not stored yet — type the value.';
  return (
    <div className="secret-pair">
      <TextField
        ctx={ctx}
        field={slot}
        label={nameLabel}
        placeholder={defaultName}
        hint={`Its name in the secret store; blank means ${defaultName}${p.optional ? ' (once a value is typed)' : ''}.`}
        maxLength={128}
        mono
      />
      <Field
        ctx={ctx}
        field={`${slot}Value`}
        label={valueLabel}
        // Its problem, when there is one, says the same more urgently.
        hint={
          ctx.errors[`${slot}Value`] ? undefined : (
            <span className={stored && !typed ? 'secret-stored' : undefined}>{state}</span>
          )
        }
        render={(a11y) => (
          <input
            {...a11y}
            type="password"
            value={ctx.secretValues[slot] ?? ''}
            onChange={(e) => ctx.setSecretValue(slot, e.target.value)}
            autoComplete="new-password"
            maxLength={16_384}
            placeholder={stored ? 'stored' : ''}
          />
        )}
      />
    </div>
  );
}
