import { isSilenced } from '../../../../shared/alerts';
import type { AlertView } from '../../../../shared/contract';
import { SILENCE_CHOICES } from './alertFilter';
import type { AlertActions } from './useAlertActions';

interface Props {
  alert: AlertView;
  at: number;
  actions: AlertActions;
}

/** Acknowledge and the Silence menu of one alert, named after it for assistive technology. */
export function AlertButtons({ alert: a, at, actions }: Props) {
  const busy = actions.busy.has(a.key);
  const firing = a.state === 'firing';
  const silenced = isSilenced(a, at);
  const ackWhy =
    actions.why ??
    (!firing ? 'Resolved' : a.acknowledgedBy ? `Acknowledged by ${a.acknowledgedBy}` : undefined);
  return (
    <>
      <button
        type="button"
        className="row-button"
        aria-label={`Acknowledge ${a.title}`}
        disabled={ackWhy !== undefined}
        aria-disabled={busy || undefined}
        title={ackWhy ?? 'Mark as seen and being handled'}
        onClick={() => !busy && actions.acknowledge(a.key)}
      >
        Ack
      </button>
      <select
        className="row-select"
        aria-label={`Silence ${a.title}`}
        title={
          actions.why ??
          (silenced ? 'Change or lift the silence' : 'Silence: no badge or notification until then')
        }
        disabled={actions.why !== undefined || busy}
        value=""
        onChange={(e) => {
          const forS = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(forS)) actions.silence(a.key, forS);
        }}
      >
        <option value="">{silenced ? 'Silenced' : 'Silence…'}</option>
        {SILENCE_CHOICES.map((c) => (
          <option key={c.forS} value={c.forS}>
            {`for ${c.label}`}
          </option>
        ))}
        {silenced && <option value="0">Lift the silence</option>}
      </select>
    </>
  );
}
