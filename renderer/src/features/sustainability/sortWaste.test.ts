import { describe, expect, it } from 'vitest';
import { DEFAULT_WASTE_SORT, nextWasteSort, sortWasteRows } from './sortWaste';
import { wasteRow } from './testSummary';

const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('sortWasteRows', () => {
  const rows = [
    wasteRow('b', { idleItKwh: 5, idleKwNow: null, coverage: 0.5 }),
    wasteRow('a', { idleItKwh: 20, idleKwNow: 2, coverage: null }),
    wasteRow('c', { idleItKwh: 5, idleKwNow: 1, coverage: 0.9 }),
  ];

  it('opens on idle kWh, biggest first, ties by label', () => {
    expect(keys(sortWasteRows(rows, DEFAULT_WASTE_SORT))).toEqual(['a', 'b', 'c']);
  });

  it('keeps unknown values last whichever the direction', () => {
    expect(keys(sortWasteRows(rows, { key: 'idleKwNow', dir: 'desc' }))).toEqual(['a', 'c', 'b']);
    expect(keys(sortWasteRows(rows, { key: 'idleKwNow', dir: 'asc' }))).toEqual(['c', 'a', 'b']);
    expect(keys(sortWasteRows(rows, { key: 'coverage', dir: 'asc' }))).toEqual(['b', 'c', 'a']);
  });

  it('sorts names naturally and does not touch its input', () => {
    const named = [wasteRow('x', { label: 'node10' }), wasteRow('y', { label: 'node9' })];
    expect(keys(sortWasteRows(named, { key: 'label', dir: 'asc' }))).toEqual(['y', 'x']);
    expect(keys(named)).toEqual(['x', 'y']);
  });

  it('sorts money within a currency, currencies A→Z, no money last — never across currencies', () => {
    const money = [
      wasteRow('usd-big', { money: [{ currency: 'USD', amount: 100 }] }),
      wasteRow('none', { money: [] }),
      wasteRow('eur-small', { money: [{ currency: 'EUR', amount: 1 }] }),
      wasteRow('eur-big', { money: [{ currency: 'EUR', amount: 9 }] }),
    ];
    expect(keys(sortWasteRows(money, { key: 'money', dir: 'desc' }))).toEqual([
      'eur-big',
      'eur-small',
      'usd-big',
      'none',
    ]);
    expect(keys(sortWasteRows(money, { key: 'money', dir: 'asc' }))).toEqual([
      'eur-small',
      'eur-big',
      'usd-big',
      'none',
    ]);
  });
});

describe('nextWasteSort', () => {
  it('flips the same column; a new one starts A→Z for names, biggest first for figures', () => {
    expect(nextWasteSort(DEFAULT_WASTE_SORT, 'idleItKwh')).toEqual({ key: 'idleItKwh', dir: 'asc' });
    expect(nextWasteSort(DEFAULT_WASTE_SORT, 'label')).toEqual({ key: 'label', dir: 'asc' });
    expect(nextWasteSort(DEFAULT_WASTE_SORT, 'kgCO2')).toEqual({ key: 'kgCO2', dir: 'desc' });
  });
});
