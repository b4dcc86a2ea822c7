import { describe, expect, it } from 'vitest';
import { queryKey } from './historyForm';
import { reportDoc } from './reportDoc';

const answer = { query: { from: 1, to: 2 }, byJurisdiction: [], workloads: [], violations: [] };
const made = (header: string[]) => ({
  fileName: 'r.csv',
  mimeType: 'text/csv',
  content: ['# Fleet Console sovereignty report', ...header, '', 'section,tenant'].join('\r\n'),
  sha256: 'f'.repeat(64),
  answer,
});

describe('reportDoc', () => {
  it('reads the policy hash and the generated time from the CSV the core made', () => {
    const sha = 'a'.repeat(64);
    const doc = reportDoc(
      { from: 1, to: 2 },
      made(['generated,2024-05-01T10:00:00.000Z', `policy_sha256,${sha}`]),
    );
    expect(doc.policySha256).toBe(sha);
    expect(doc.generatedAt).toBe(Date.UTC(2024, 4, 1, 10));
    expect(doc.key).toBe(queryKey({ from: 1, to: 2 }));
  });

  it('says "no policy" rather than inventing a hash', () => {
    const doc = reportDoc(
      { from: 1, to: 2, tenant: 't' },
      made(['generated,garbage', 'policy_sha256,none (no policies.yaml: everything allowed)']),
    );
    expect(doc.policySha256).toBeNull();
    expect(doc.generatedAt).toBeNull();
    expect(doc.key).not.toBe(queryKey({ from: 1, to: 2 }));
  });
});
