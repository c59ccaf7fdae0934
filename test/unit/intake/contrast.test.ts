// The photo contrast stretch done in place (sharp's normalise() ran its pipeline twice).
import { describe, expect, it } from 'vitest';
import { stretchContrast } from '../../../electron/desk/intake/images';

describe('stretchContrast', () => {
  it('spreads grey print on off-white paper over the full range, keeping order', () => {
    const data = new Uint8Array(10_000);
    for (let i = 0; i < data.length; i++) data[i] = i % 10 === 0 ? 90 : 200 + (i % 7);
    stretchContrast(data);
    const values = [...new Set(data)].sort((a, b) => a - b);
    expect(values[0]).toBeLessThanOrEqual(5);
    expect(values[values.length - 1]).toBeGreaterThanOrEqual(250);
    // Print stays darker than every shade of paper.
    expect(data[0]).toBeLessThan(data[1]!);
  });

  it('leaves a flat picture alone', () => {
    const data = new Uint8Array(1000).fill(180);
    stretchContrast(data);
    expect(data.every((v) => v === 180)).toBe(true);
  });
});
