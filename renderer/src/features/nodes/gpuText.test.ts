import { describe, expect, it } from 'vitest';
import {
  clocksText,
  fraction,
  framebufferText,
  limitSourceText,
  powerText,
  remapText,
  xidText,
} from './gpuText';

describe('gpu text', () => {
  it('sizes bars only from known values', () => {
    expect(fraction(350, 700)).toBe(0.5);
    expect(fraction(800, 700)).toBe(1);
    expect(fraction(null, 700)).toBeNull();
    expect(fraction(300, null)).toBeNull();
    expect(fraction(300, 0)).toBeNull();
  });

  it('reads power against its limit and says where the limit came from', () => {
    expect(powerText({ powerW: 612.4, powerLimitW: 700 })).toBe('612 / 700 W');
    expect(powerText({ powerW: 612.4, powerLimitW: null })).toBe('612 W');
    expect(powerText({ powerW: null, powerLimitW: 700 })).toBe('—');
    expect(limitSourceText('dcgm')).toBe('limit from DCGM');
    expect(limitSourceText('model')).toBe('limit: model default');
  });

  it('reads the framebuffer in GiB', () => {
    expect(framebufferText(61_440, 20_480)).toBe('60.0 / 80.0 GiB');
    expect(framebufferText(1024, null)).toBe('1.0 GiB used');
    expect(framebufferText(null, 1024)).toBe('—');
  });

  it('puts both clocks on one line', () => {
    expect(clocksText(2505.2, 9001)).toBe('2505 / 9001 MHz');
    expect(clocksText(null, 9001)).toBe('— / 9001 MHz');
    expect(clocksText(null, null)).toBe('—');
  });

  it('tells a missing XID from none and gives the meaning', () => {
    expect(xidText(null).text).toBe('—');
    expect(xidText(0)).toMatchObject({ text: 'none', bad: false });
    expect(xidText(79)).toMatchObject({ text: 'XID 79', bad: true });
    expect(xidText(79).title).toMatch(/fallen off the bus/);
    expect(remapText(0)).toEqual({ text: 'none', bad: false });
    expect(remapText(2).bad).toBe(true);
    expect(remapText(null).text).toBe('—');
  });
});
