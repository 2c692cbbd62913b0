// The normal quantile behind govern.confidence, against the textbook values, and its range.
import { describe, expect, it } from 'vitest';
import { oneSidedZ } from '../../../pipelines/govern/oneSidedZ.ts';

describe('oneSidedZ', () => {
  it('gives the standard normal quantile of a one-sided confidence', () => {
    const table: [number, number][] = [
      [0.5, 0],
      [0.8, 0.841621],
      [0.9, 1.281552],
      [0.95, 1.644854],
      [0.975, 1.959964],
      [0.99, 2.326348],
      [0.999, 3.090232],
    ];
    for (const [confidence, z] of table) expect(oneSidedZ(confidence)).toBeCloseTo(z, 6);
  });

  it('rises with the confidence, across the switch to the tail formula', () => {
    let previous = -1;
    for (let c = 0.5; c < 0.9995; c += 0.0005) {
      const z = oneSidedZ(c);
      expect(z).toBeGreaterThan(previous);
      previous = z;
    }
  });

  it('refuses a confidence below 0.5 or of 1', () => {
    expect(() => oneSidedZ(0.4)).toThrow('confidence must be in [0.5, 1), got 0.4');
    expect(() => oneSidedZ(1)).toThrow('confidence must be in [0.5, 1), got 1');
  });
});
