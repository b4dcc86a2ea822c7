import { describe, expect, it } from 'vitest';
import {
  defaultForm,
  formToQuery,
  fromLocalInput,
  optionList,
  queryKey,
  rangeEndingNow,
  toLocalInput,
  type HistoryForm,
} from './historyForm';

const HOUR = 3_600_000;

describe('datetime-local values', () => {
  it('round-trip at minute precision in the local zone', () => {
    const t = new Date(2024, 4, 1, 9, 5).getTime();
    expect(toLocalInput(t)).toBe('2024-05-01T09:05');
    expect(fromLocalInput('2024-05-01T09:05')).toBe(t);
    expect(fromLocalInput('2024-05-01T09:05:30')).toBe(t + 30_000);
  });

  it('refuse what is not a date', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2024-05-01')).toBeNull();
    expect(fromLocalInput('2024-02-31T10:00')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});

describe('ranges', () => {
  it('end at the next whole minute, so the running minute counts', () => {
    const now = new Date(2024, 4, 1, 12, 30, 20).getTime();
    expect(rangeEndingNow(now, HOUR)).toEqual({ from: '2024-05-01T11:31', to: '2024-05-01T12:31' });
    const whole = new Date(2024, 4, 1, 12, 30).getTime();
    expect(rangeEndingNow(whole, HOUR).to).toBe('2024-05-01T12:30');
  });

  it('default to the last 24 h, everything', () => {
    const f = defaultForm(new Date(2024, 4, 2, 8, 0).getTime());
    expect(f).toEqual({
      tenant: '',
      dataClass: '',
      workload: '',
      from: '2024-05-01T08:00',
      to: '2024-05-02T08:00',
    });
  });
});

describe('formToQuery', () => {
  const base: HistoryForm = {
    tenant: '',
    dataClass: '',
    workload: '',
    from: '2024-05-01T08:00',
    to: '2024-05-01T09:00',
  };

  it('leaves "all" out of the query and trims the workload', () => {
    const r = formToQuery({ ...base, tenant: 'acme-ai', workload: '  w-7 ' });
    expect(r).toEqual({
      ok: true,
      query: {
        from: fromLocalInput(base.from),
        to: fromLocalInput(base.to),
        tenant: 'acme-ai',
        workload: 'w-7',
      },
    });
    const all = formToQuery(base);
    expect(all.ok && Object.keys(all.query)).toEqual(['from', 'to']);
  });

  it('names the field that is wrong', () => {
    expect(formToQuery({ ...base, from: '' })).toMatchObject({ ok: false, field: 'from' });
    expect(formToQuery({ ...base, to: base.from })).toMatchObject({ ok: false, field: 'to' });
  });

  it('keys equal questions equally', () => {
    expect(queryKey({ from: 1, to: 2 })).toBe(queryKey({ to: 2, from: 1 }));
    expect(queryKey({ from: 1, to: 2, tenant: 'a' })).not.toBe(queryKey({ from: 1, to: 2 }));
  });
});

describe('optionList', () => {
  it('sorts, de-duplicates and keeps the selection', () => {
    expect(optionList(['b', 'a', 'b'])).toEqual(['a', 'b']);
    expect(optionList(['b'], 'z')).toEqual(['b', 'z']);
    expect(optionList([], '')).toEqual([]);
  });
});
