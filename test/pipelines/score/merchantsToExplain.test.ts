// The weekly score explains the shops people read about: watch and at-risk, and shops whose tier moved.
import { describe, expect, it } from 'vitest';
import { merchantsToExplain } from '../../../pipelines/score/merchantsToExplain.ts';

describe('merchantsToExplain', () => {
  const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

  it('takes watch and at-risk shops, and no other on a first week', () => {
    expect(
      merchantsToExplain(ids, ['top-rated', 'watch', 'standard', 'at-risk', 'inactive', 'top-rated'], new Map()),
    ).toEqual([1, 3]);
  });

  it('adds shops whose tier moved since their previous score, in row order', () => {
    const previous = new Map([
      ['m1', { tier: 'standard' }], // moved up: explained
      ['m3', { tier: 'standard' }], // stayed: not explained
      ['m6', { tier: 'top-rated' }], // stayed
    ]);
    expect(
      merchantsToExplain(ids, ['top-rated', 'watch', 'standard', 'at-risk', 'inactive', 'top-rated'], previous),
    ).toEqual([0, 1, 3]);
  });

  it('never explains an inactive shop, even one that just went inactive', () => {
    expect(merchantsToExplain(['m1'], ['inactive'], new Map([['m1', { tier: 'watch' }]]))).toEqual([]);
  });
});
