import type { Fact } from './mapMarks';

/** The colour mode's rows of a tooltip (Alerts, Jurisdiction), inside its `dl`. Text only. */
export function MapFacts({ facts }: { facts: readonly Fact[] }) {
  return facts.map((f) => (
    <div className="map-fact" key={f.term}>
      <dt>{f.term}</dt>
      <dd className={f.tone ? `map-fact-${f.tone}` : undefined}>
        {f.value}
        {f.lines?.map((line, i) => (
          <span className="map-fact-line" key={i}>
            {line}
          </span>
        ))}
      </dd>
    </div>
  ));
}
