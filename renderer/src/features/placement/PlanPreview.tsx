import { useId } from 'react';
import type { PlanRunView, PlanView } from '../../../../shared/placement';
import { countryName } from '../../lib/country';
import { dateTime } from '../sustainability/wasteFormat';
import { ApprovePlan } from './ApprovePlan';
import { PlanEffects } from './PlanEffects';
import { PlanHeadroom } from './PlanHeadroom';
import { PlanMap } from './PlanMap';
import { PlanMoves } from './PlanMoves';
import { PlanShortfall } from './PlanShortfall';
import { PlanUnplaced } from './PlanUnplaced';
import { goalText } from './planText';
import { useSiteNames } from './useSiteNames';

interface Props {
  plan: PlanView;
  onApproved(run: PlanRunView): void;
}

/** "a, b, c", or words for none: an empty blast radius is a fact, not a gap. */
const listOf = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'none');

/**
 * A previewed plan, in the order an operator decides on it: what cannot be done (shortfall, sites
 * left out), what it does (effects), who it touches (blast radius), where things go (map, moves),
 * what stays put and why, then approval. Nothing here has moved anything yet.
 */
export function PlanPreview({ plan, onApproved }: Props) {
  const id = useId();
  const { nameOf } = useSiteNames();
  const b = plan.blastRadius;

  return (
    <section className="placement-preview" aria-labelledby={`${id}-title`} data-testid="plan-preview">
      <header className="placement-preview-head">
        <h2 className="section-title" id={`${id}-title`}>
          {goalText(plan.goal, nameOf)}
        </h2>
        <p className="hint">
          Plan{' '}
          <code className="mono" data-testid="plan-id">
            {plan.id}
          </code>{' '}
          · made <time dateTime={new Date(plan.at).toISOString()}>{dateTime(plan.at)}</time> · a preview:
          approve within 15 minutes or preview again
        </p>
      </header>
      <PlanShortfall plan={plan} />
      {plan.sitesLeftOut.length > 0 && (
        <p className="inline-notice" data-testid="plan-sites-left-out">
          Not planned: scheduler did not answer —{' '}
          {plan.sitesLeftOut
            .map((s) => {
              const name = nameOf(s);
              return name && name !== s ? `${name} (${s})` : s;
            })
            .join(', ')}
          . Their workloads are not in this plan.
        </p>
      )}
      <PlanEffects effects={plan.effects} />
      <PlanHeadroom plan={plan} />
      {plan.drain.length > 0 && (
        <p className="hint" data-testid="plan-drain">
          Drains {plan.drain.length} node{plan.drain.length === 1 ? '' : 's'} before any move, so no new work
          lands there.
        </p>
      )}
      <section className="placement-blast" aria-labelledby={`${id}-blast`} data-testid="plan-blast">
        <h3 className="section-title" id={`${id}-blast`}>
          Blast radius
        </h3>
        <dl className="facts facts-compact">
          <dt>Tenants</dt>
          <dd data-testid="plan-blast-tenants">{listOf(b.tenants)}</dd>
          <dt>Data classes</dt>
          <dd data-testid="plan-blast-data-classes">{listOf(b.dataClasses)}</dd>
          <dt>Jurisdictions</dt>
          <dd data-testid="plan-blast-jurisdictions" title={b.jurisdictions.map(countryName).join(', ')}>
            {listOf(b.jurisdictions)}
          </dd>
        </dl>
      </section>
      <PlanMap moves={plan.moves} />
      <PlanMoves moves={plan.moves} />
      <PlanUnplaced unplaced={plan.unplaced} />
      <ApprovePlan key={plan.id} plan={plan} onApproved={onApproved} />
    </section>
  );
}
