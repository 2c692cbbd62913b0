// fillTemplate: a reason reads "1 refund", never "1 refunds".
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../models/explain/fillTemplate.ts';

describe('fillTemplate', () => {
  it('puts the value in and the first noun after it in the singular when the value is one', () => {
    expect(fillTemplate('{value} refunds granted automatically for lack of an answer in 90 days', '1')).toBe(
      '1 refund granted automatically for lack of an answer in 90 days',
    );
    expect(fillTemplate('{value} refund-only requests in 90 days', '1')).toBe('1 refund-only request in 90 days');
    expect(fillTemplate('{value} failed platform spot checks in 365 days', '1')).toBe(
      '1 failed platform spot check in 365 days',
    );
    expect(fillTemplate('{value} linked accounts with confirmed abuse', '1')).toBe(
      '1 linked account with confirmed abuse',
    );
  });

  it('leaves other values, and words further along, as written', () => {
    expect(fillTemplate('{value} refund-only requests in 90 days', '2')).toBe('2 refund-only requests in 90 days');
    expect(fillTemplate('{value} refund-only requests in 90 days', '1.5')).toBe('1.5 refund-only requests in 90 days');
    expect(fillTemplate('{value} of orders shipped late in 90 days', '1')).toBe('1 of orders shipped late in 90 days');
    expect(fillTemplate('average rating {value} stars', '1')).toBe('average rating 1 stars');
  });
});
