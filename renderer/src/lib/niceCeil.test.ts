import { describe, expect, it } from 'vitest';
import { headroomDomain, niceCeil } from './niceCeil';

describe('niceCeil', () => {
  it.each([
    [744, 1000],
    [818.4, 1000],
    [450, 500],
    [201, 250],
    [200, 200],
    [31, 50],
    [0.7, 1],
    [12.3, 20],
    [0, 1],
    [-3, 1],
    [Number.NaN, 1],
  ])('%d → %d', (v, want) => expect(niceCeil(v)).toBe(want));

  it('leaves headroom above the data', () => {
    expect(headroomDomain[1](744)).toBe(1000);
    expect(headroomDomain[1](28.3)).toBe(50);
  });
});
