import { countryName } from '../../lib/country';
import { Field, RadioGroup, SecretField, TextField, domId, type FormCtx } from './FormFields';
import { newEndpointRow, type PromAuthKind, type PromMode } from './siteForm';
import { defaultSecretName, secretNameOf, type SecretSlot } from './secretSlots';

/** IANA zones the platform knows, for the time-zone suggestions; empty where the API is missing. */
const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

const countryHint = (code: string): string => {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) return 'ISO 3166-1 alpha-2, e.g. DE.';
  const name = countryName(c);
  return name === c ? 'Not a country code this console knows.' : name;
};

/** The props every secret field needs: its slot, the default name and the name in effect. */
export function secretProps(ctx: FormCtx, slot: SecretSlot) {
  return {
    ctx,
    slot,
    defaultName: defaultSecretName(ctx.form.id, slot),
    effectiveName: secretNameOf(ctx.form, slot),
  };
}

export function LocationSection({ ctx }: { ctx: FormCtx }) {
  return (
    <fieldset className="form-section">
      <legend>Location</legend>
      <div className="form-grid">
        <TextField
          ctx={ctx}
          field="id"
          label="Site id"
          readOnly={ctx.editing}
          placeholder="e.g. eu-fra-1"
          hint={
            ctx.editing
              ? 'The id cannot change; remove and add the site to rename it.'
              : 'Lower-case, digits, -.'
          }
          maxLength={63}
          mono
        />
        <TextField ctx={ctx} field="name" label="Name" placeholder="e.g. Frankfurt 1" maxLength={120} />
        <TextField ctx={ctx} field="city" label="City" maxLength={120} />
        <TextField
          ctx={ctx}
          field="country"
          label="Country"
          placeholder="e.g. DE"
          hint={countryHint(ctx.form.country)}
          maxLength={2}
        />
        <TextField
          ctx={ctx}
          field="subdivision"
          label="Subdivision"
          placeholder="e.g. DE-HE"
          hint="Optional, ISO 3166-2."
          maxLength={6}
        />
        <TextField ctx={ctx} field="lat" label="Latitude" placeholder="e.g. 50.11" inputMode="decimal" />
        <TextField ctx={ctx} field="lon" label="Longitude" placeholder="e.g. 8.68" inputMode="decimal" />
        <TextField
          ctx={ctx}
          field="timeZone"
          label="Time zone"
          placeholder="e.g. Europe/Berlin"
          hint="Optional, IANA name."
          list={TIME_ZONES.length ? `${ctx.idBase}-zones` : undefined}
        />
      </div>
      {TIME_ZONES.length > 0 && (
        <datalist id={`${ctx.idBase}-zones`}>
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      )}
    </fieldset>
  );
}

export function EnergySection({ ctx }: { ctx: FormCtx }) {
  return (
    <fieldset className="form-section">
      <legend>Energy</legend>
      <div className="form-grid">
        <TextField
          ctx={ctx}
          field="currency"
          label="Currency"
          placeholder="e.g. EUR"
          hint="ISO 4217."
          maxLength={3}
        />
        <TextField
          ctx={ctx}
          field="perKwh"
          label="Price per kWh"
          placeholder="e.g. 0.21"
          inputMode="decimal"
        />
        <TextField
          ctx={ctx}
          field="pue"
          label="PUE"
          placeholder="e.g. 1.3"
          hint="Facility ÷ IT energy, 1.0–3."
          inputMode="decimal"
        />
        <TextField
          ctx={ctx}
          field="carbon"
          label="Carbon override (gCO2e/kWh)"
          placeholder="country grid"
          hint="Blank: the country's grid intensity."
          inputMode="decimal"
        />
        <TextField
          ctx={ctx}
          field="labels"
          label="Labels"
          placeholder="e.g. tier=1, owner=noc"
          hint="key=value, separated by commas."
          className="is-wide"
        />
      </div>
    </fieldset>
  );
}

const TELEMETRY_KINDS = [
  { value: 'dcgm', label: 'dcgm-exporter endpoints' },
  { value: 'prometheus', label: 'Prometheus' },
] as const;

const PROM_MODES: readonly { value: PromMode; label: string }[] = [
  { value: '', label: 'Auto' },
  { value: 'per-gpu', label: 'Per GPU' },
  { value: 'per-node', label: 'Per node' },
];

const PROM_AUTH: readonly { value: PromAuthKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'basic', label: 'Basic auth' },
];

export function TelemetrySection({ ctx }: { ctx: FormCtx }) {
  const f = ctx.form;
  return (
    <fieldset className="form-section">
      <legend>Telemetry</legend>
      <RadioGroup
        ctx={ctx}
        field="telemetryKind"
        legend="Telemetry source"
        value={f.telemetryKind}
        options={TELEMETRY_KINDS}
        onChange={(v) => ctx.set('telemetryKind', v)}
      />
      {f.telemetryKind === 'dcgm' ? <EndpointRows ctx={ctx} /> : <PrometheusFields ctx={ctx} />}
    </fieldset>
  );
}

/** One row per node: its hostname and its dcgm-exporter /metrics URL. */
function EndpointRows({ ctx }: { ctx: FormCtx }) {
  const rows = ctx.form.endpoints;
  const listError = ctx.errors.endpoints;
  const update = (i: number, key: 'hostname' | 'url', value: string) => {
    ctx.set(
      'endpoints',
      rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)),
    );
    ctx.clearErrors([`endpoints.${i}.${key}`]);
  };
  // Removing a row renumbers the rows after it, so their problems no longer line up: drop them all.
  const remove = (i: number) => {
    ctx.set(
      'endpoints',
      rows.filter((_, j) => j !== i),
    );
    ctx.clearErrors(rows.flatMap((_, j) => [`endpoints.${j}.hostname`, `endpoints.${j}.url`]));
  };
  return (
    <div className="endpoint-rows">
      <p className="hint">Each node's dcgm-exporter, scraped directly, e.g. http://10.0.0.11:9400/metrics.</p>
      {rows.map((row, i) => (
        <div className="endpoint-row" key={row.rowId} data-testid="endpoint-row">
          <Field
            ctx={ctx}
            field={`endpoints.${i}.hostname`}
            label={`Node ${i + 1} host`}
            render={(a11y) => (
              <input
                {...a11y}
                type="text"
                className="mono"
                value={row.hostname}
                onChange={(e) => update(i, 'hostname', e.target.value)}
                placeholder="e.g. gpu-node-01"
                maxLength={253}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          />
          <Field
            ctx={ctx}
            field={`endpoints.${i}.url`}
            label={`Node ${i + 1} metrics URL`}
            render={(a11y) => (
              <input
                {...a11y}
                type="text"
                className="mono"
                value={row.url}
                onChange={(e) => update(i, 'url', e.target.value)}
                placeholder="e.g. http://10.0.0.11:9400/metrics"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
              />
            )}
          />
          <button
            type="button"
            className="text-button endpoint-remove"
            onClick={() => remove(i)}
            disabled={rows.length === 1}
            aria-label={`Remove node ${i + 1}${row.hostname.trim() ? ` (${row.hostname.trim()})` : ''}`}
          >
            Remove
          </button>
        </div>
      ))}
      {listError && (
        <p
          className="field-error"
          id={`${domId(ctx, 'endpoints')}-error`}
          data-field="endpoints"
          tabIndex={-1}
        >
          {listError}
        </p>
      )}
      <div>
        <button
          type="button"
          className="text-button"
          onClick={() => ctx.set('endpoints', [...rows, newEndpointRow()])}
        >
          Add node
        </button>
      </div>
    </div>
  );
}

function PrometheusFields({ ctx }: { ctx: FormCtx }) {
  const f = ctx.form;
  return (
    <div className="form-grid">
      <TextField
        ctx={ctx}
        field="promUrl"
        label="Prometheus URL"
        placeholder="e.g. https://prometheus.fra1.example:9090"
        inputMode="url"
        className="is-wide"
        mono
      />
      <TextField
        ctx={ctx}
        field="promSelector"
        label="Selector"
        placeholder={'e.g. job="dcgm",site="fra1"'}
        hint="Label matchers that pick this site's dcgm-exporter series; optional."
        maxLength={500}
        className="is-wide"
        mono
      />
      <Field
        ctx={ctx}
        field="promMode"
        label="Query mode"
        hint="Auto: per node above 1,024 GPUs."
        render={(a11y) => (
          <select
            {...a11y}
            value={f.promMode}
            onChange={(e) => ctx.set('promMode', e.target.value as PromMode)}
          >
            {PROM_MODES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      />
      <Field
        ctx={ctx}
        field="promAuthKind"
        label="Authentication"
        render={(a11y) => (
          <select
            {...a11y}
            value={f.promAuthKind}
            onChange={(e) => ctx.set('promAuthKind', e.target.value as PromAuthKind)}
          >
            {PROM_AUTH.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      />
      <TextField
        ctx={ctx}
        field="promCaFile"
        label="CA file"
        placeholder="e.g. /etc/ssl/site-ca.pem"
        hint="PEM of the CA that signed the site's certificate; optional."
        mono
      />
      {f.promAuthKind === 'basic' && (
        <TextField ctx={ctx} field="promUsername" label="Auth user" maxLength={200} />
      )}
      {f.promAuthKind !== 'none' && (
        <SecretField
          {...secretProps(ctx, 'promSecret')}
          nameLabel={f.promAuthKind === 'bearer' ? 'Token secret' : 'Password secret'}
          valueLabel={f.promAuthKind === 'bearer' ? 'Token value' : 'Password value'}
        />
      )}
    </div>
  );
}
