/**
 * The policy editor's "Insert example": a commented policies.yaml that validates as it stands
 * (ISO 3166-1 alpha-2 codes, group names of 3+ capitals, rule ids lower-case-with-dashes) and shows
 * each kind of rule once. Tenants and data classes are those of the demo fleet.
 */
export const EXAMPLE_POLICY = `# Residency policy: where each tenant's data may run.
# A place is an ISO 3166-1 alpha-2 country (DE), a subdivision (DE-BY), a bloc (EU, EEA)
# or a group defined below. Every rule that binds a workload must allow its place, and a
# deny wins over any allow. A workload no rule binds falls to the default at the end.

groups:
  # Named sets of places; a name is 3 or more capitals (two letters would read as a country).
  NORDICS: [SE, NO, DK, FI, IS]

rules:
  # Health data (GDPR art. 9 special category) stays in the 27 EU member states.
  - id: eu-health
    description: Health data runs in the EU only.
    dataClasses: [health]
    allow: [EU]

  # Personal data stays in the EEA: the EU plus Iceland, Liechtenstein and Norway.
  - id: eea-personal
    description: Personal data runs in the EEA only.
    dataClasses: [personal]
    allow: [EEA]

  # One tenant keeps every data class in the Nordic countries
  # (its health data, bound by eu-health too, may then run in SE, DK and FI).
  - id: nordbank-nordics
    description: nordbank runs in the Nordic countries only.
    tenants: [nordbank]
    allow: [NORDICS]

  # One tenant must never run in one country, whatever the data class.
  - id: kestrel-no-us
    description: kestrel-labs never runs in the United States.
    tenants: [kestrel-labs]
    deny: [US]

# Everything no rule binds may run anywhere.
default: allow
`;
