import { describe, expect, it } from 'vitest';
import { clipText, oneLine } from './oneLine';

describe('clipText', () => {
  it('keeps text within the limit', () => {
    expect(clipText('fra1-gpu-001', 12)).toBe('fra1-gpu-001');
  });
  it('cuts longer text with an ellipsis, the result no longer than the limit', () => {
    const cut = clipText('W'.repeat(100 * 1024), 80);
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('W…')).toBe(true);
  });
  it('never splits a surrogate pair', () => {
    const cut = clipText(`abc${'😀'.repeat(10)}`, 7);
    expect(cut).toBe('abc😀…');
    expect(Array.from(cut)).toEqual(['a', 'b', 'c', '😀', '…']);
  });
});

describe('oneLine', () => {
  it('cuts at the width given, with an ellipsis, on one line', () => {
    expect(oneLine('24ch')).toMatchObject({
      maxWidth: '24ch',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    });
  });
});
