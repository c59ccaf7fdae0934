import { describe, expect, it } from 'vitest';
import { shrinkGrey } from '../../../electron/desk/intake/images';

describe('shrinkGrey', () => {
  it('averages f×f blocks and drops the partial block at the edges', () => {
    // 5×3 pixels, f = 2: two whole blocks across, one down; the fifth column and third row go.
    const data = Buffer.from([0, 10, 200, 100, 9, 20, 30, 50, 50, 9, 99, 99, 99, 99, 99]);
    const out = shrinkGrey({ data, width: 5, height: 3, channels: 1 }, 2);
    expect(out.width).toBe(2);
    expect(out.height).toBe(1);
    expect([...out.data]).toEqual([15, 100]);
  });

  it('hands back the pixels themselves when there is nothing to shrink', () => {
    const data = Buffer.from([1, 2, 3, 4]);
    const out = shrinkGrey({ data, width: 2, height: 2, channels: 1 }, 1);
    expect(out.data).toBe(data);
  });
});
