import { describe, expect, it } from 'vitest';
import { parseBoundedInt } from './parseBoundedInt';

describe('parseBoundedInt', () => {
  it('takes whole numbers in range, blank as the default, and nothing else', () => {
    expect(parseBoundedInt('', 1, 64, 16)).toBe(16);
    expect(parseBoundedInt(' 8 ', 1, 64, 16)).toBe(8);
    expect(parseBoundedInt('64', 1, 64, 16)).toBe(64);
    expect(parseBoundedInt('65', 1, 64, 16)).toBeNull();
    expect(parseBoundedInt('0', 1, 64, 16)).toBeNull();
    expect(parseBoundedInt('1.5', 1, 64, 16)).toBeNull();
    expect(parseBoundedInt('-3', 1, 64, 16)).toBeNull();
    expect(parseBoundedInt('8a', 1, 64, 16)).toBeNull();
  });
});
