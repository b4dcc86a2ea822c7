import { describe, expect, it } from 'vitest';
import {
  formatCarbonIntensity,
  formatKgCo2,
  formatKwh,
  formatMoney,
  formatMoneyList,
  formatQuantity,
  formatShare,
  formatTariff,
  formatWindow,
  idleRuleText,
  measuredSince,
} from './wasteFormat';

describe('formatMoneyList', () => {
  it('lists one amount per currency, in the order given, never summed', () => {
    expect(
      formatMoneyList([
        { currency: 'EUR', amount: 12.4 },
        { currency: 'USD', amount: 3.1 },
        { currency: 'GBP', amount: 1.2 },
      ]),
    ).toBe('€12.40 · $3.10 · £1.20');
  });

  it('is empty for no money (the caller says why)', () => {
    expect(formatMoneyList([])).toBe('');
  });

  it('drops the cents from a thousand up and keeps currencies without minor units whole', () => {
    expect(formatMoney({ currency: 'EUR', amount: 12_345.678 })).toBe('€12,346');
    expect(formatMoney({ currency: 'JPY', amount: 512.4 })).toBe('¥512');
  });

  it('never rounds a real amount to zero', () => {
    expect(formatMoney({ currency: 'CAD', amount: 0.0008 })).toBe('<CA$0.01');
    expect(formatMoney({ currency: 'JPY', amount: 0.27 })).toBe('<¥1');
    expect(formatMoney({ currency: 'EUR', amount: 0 })).toBe('€0.00');
  });

  it('writes a code the platform does not know by hand instead of throwing', () => {
    expect(formatMoney({ currency: 'EURO', amount: 1.5 })).toBe('1.50 EURO');
  });
});

describe('quantities', () => {
  it.each([
    [0, '0'],
    [0.0421, '0.042'],
    [0.004, '0.0040'],
    [0.7, '0.70'],
    [0.8169, '0.82'],
    [9.996, '10.00'],
    [12.34, '12.3'],
    [999.94, '999.9'],
    [4210.7, '4,211'],
    [-3.456, '-3.46'],
  ])('%s → %s', (v, text) => expect(formatQuantity(v)).toBe(text));

  it('adds units and shows unknown as a dash, never 0', () => {
    expect(formatKwh(12.34)).toBe('12.3 kWh');
    expect(formatKwh(null)).toBe('—');
    expect(formatKgCo2(4.2)).toBe('4.20 kg CO2e');
    expect(formatKgCo2(0)).toBe('0 kg CO2e');
    expect(formatKgCo2(null)).toBe('—');
  });
});

describe('formatShare', () => {
  it.each([
    [null, '—'],
    [0, '0%'],
    [1, '100%'],
    [0.4231, '42.3%'],
    [0.004, '0.4%'],
    [0.9999, '99.9%'],
    [0.0001, '<0.1%'],
  ])('%s → %s', (v, text) => expect(formatShare(v)).toBe(text));
});

describe('the idle rule in words', () => {
  it('says the default rule as the page shows it', () => {
    expect(idleRuleText({ idleThresholdPct: 5, idleWindowS: 900 })).toBe(
      'Idle = below 5 % utilisation for 15 min',
    );
  });

  it('handles fractions, odd windows and no window', () => {
    expect(idleRuleText({ idleThresholdPct: 2.5, idleWindowS: 90 })).toBe(
      'Idle = below 2.5 % utilisation for 1 min 30 s',
    );
    expect(idleRuleText({ idleThresholdPct: 10, idleWindowS: 0 })).toBe(
      'Idle = below 10 % utilisation (any duration)',
    );
  });

  it.each([
    [900, '15 min'],
    [45, '45 s'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [86_400, '24 h'],
    [0, '0 s'],
  ])('window %s s → %s', (s, text) => expect(formatWindow(s)).toBe(text));
});

describe('site factors', () => {
  it('writes a tariff with its currency per kWh, or says there is none', () => {
    expect(formatTariff({ currency: 'EUR', perKwh: 0.2 })).toBe('0.20 EUR/kWh');
    expect(formatTariff({ currency: 'USD', perKwh: 0.1234 })).toBe('0.1234 USD/kWh');
    expect(formatTariff({ currency: 'KRW', perKwh: 160 })).toBe('160 KRW/kWh');
    expect(formatTariff({ currency: 'INR', perKwh: 8.5 })).toBe('8.50 INR/kWh');
    expect(formatTariff(null)).toBe('no tariff');
  });

  it('writes a grid intensity or "no data"', () => {
    expect(formatCarbonIntensity(383.55)).toBe('384 g/kWh');
    expect(formatCarbonIntensity(null)).toBe('no data');
  });
});

describe('measuredSince', () => {
  it('shows the time alone on the same day and the date before', () => {
    const at = new Date(2025, 2, 12, 16, 0).getTime();
    expect(measuredSince(new Date(2025, 2, 12, 9, 5).getTime(), at)).toBe('measured since 09:05');
    expect(measuredSince(new Date(2025, 2, 10, 23, 59).getTime(), at)).toBe('measured since 10 Mar 23:59');
    expect(measuredSince(null, at)).toBe('no readings yet');
  });
});
