// Reasons: the features with the largest positive contributions, in plain words with the entity's own values.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnMedian, columnMedians, reasonSentence, topReasons } from '../../../models/explain/reasonSentences.ts';
import { formatValue } from '../../../models/explain/formatValue.ts';
import { ABUSE_RISK_SPEC } from '../../../models/specs/abuseRisk.ts';
import { featureCatalog } from '../../../pipelines/features/featureCatalog.ts';
import { specCatalogue } from '../../../models/specs/specCatalogue.ts';

const catalogue = specCatalogue(ABUSE_RISK_SPEC, featureCatalog()[ABUSE_RISK_SPEC.featureTable].columns);
const entries = ABUSE_RISK_SPEC.features.map((f) => catalogue.find((c) => c.name === f)!);
const at = (name: string) => ABUSE_RISK_SPEC.features.indexOf(name);

describe('reason sentences', () => {
  it("word the issue's example with the buyer's value and the typical one", () => {
    const e = entries[at('not_received_on_delivered_90d')]!;
    expect(reasonSentence(e, 4, 0, ABUSE_RISK_SPEC.reasonTemplates[e.name])).toBe(
      "4 'not received' claims on delivered parcels in 90 days (typical: 0)",
    );
  });

  it('keep at most four, strongest first, only features that raised the score', () => {
    const contributions = new Float64Array(entries.length);
    contributions[at('refund_only_90d')] = 0.2;
    contributions[at('not_received_on_delivered_90d')] = 0.3;
    contributions[at('group_size')] = 0.05;
    contributions[at('merchants_requested_90d')] = 0.1;
    contributions[at('orders_90d')] = 0.01;
    contributions[at('account_age_days')] = -0.4;
    const values = new Float64Array(entries.length).fill(1);
    values[at('refund_only_90d')] = 7;
    values[at('not_received_on_delivered_90d')] = 3;
    values[at('merchants_requested_90d')] = 6;
    values[at('group_size')] = 5;
    const typical = new Float64Array(entries.length).fill(0);
    typical[at('group_size')] = 1;
    const reasons = topReasons({ contributions, values, typical, entries, templates: ABUSE_RISK_SPEC.reasonTemplates });
    expect(reasons.map((r) => r.feature)).toEqual([
      'not_received_on_delivered_90d',
      'refund_only_90d',
      'merchants_requested_90d',
      'group_size',
    ]);
    expect(reasons.map((r) => r.sentence)).toEqual([
      "3 'not received' claims on delivered parcels in 90 days (typical: 0)",
      '7 refund-only requests in 90 days (typical: 0)',
      'refund requests at 6 different shops in 90 days (typical: 0)',
      'in a linked group of 5 accounts (device, address or payment) (typical: 1)',
    ]);
    // every reason names a real feature of the model
    for (const r of reasons) expect(ABUSE_RISK_SPEC.features).toContain(r.feature);
  });

  it("leave out group totals for an unlinked buyer (they repeat the buyer's own counts)", () => {
    const contributions = new Float64Array(entries.length);
    contributions[at('group_refund_only_90d')] = 0.3;
    contributions[at('refund_only_90d')] = 0.2;
    const values = new Float64Array(entries.length).fill(0);
    values[at('group_refund_only_90d')] = 8;
    values[at('refund_only_90d')] = 8;
    const base = {
      contributions,
      typical: new Float64Array(entries.length),
      entries,
      templates: ABUSE_RISK_SPEC.reasonTemplates,
      onlyWhen: ABUSE_RISK_SPEC.reasonOnlyWhen,
    };
    values[at('group_size')] = 1;
    expect(topReasons({ ...base, values }).map((r) => r.feature)).toEqual(['refund_only_90d']);
    values[at('group_size')] = 3;
    expect(topReasons({ ...base, values }).map((r) => r.feature)).toEqual(['group_refund_only_90d', 'refund_only_90d']);
  });

  it('never offer excluded features', () => {
    const contributions = new Float64Array(entries.length);
    contributions[at('orders_90d')] = 0.3;
    const r = topReasons({
      contributions,
      values: new Float64Array(entries.length),
      typical: new Float64Array(entries.length),
      entries,
      templates: {},
      exclude: ['orders_90d'],
    });
    expect(r).toEqual([]);
  });

  it('fall back to the catalogue description, and say when a value is missing', () => {
    const e = {
      name: 'x_rate_90d',
      description: 'Share of orders refunded.',
      unit: 'share' as const,
      window: '90d' as const,
    };
    expect(reasonSentence(e, 0.256, 0.05, undefined)).toBe('share of orders refunded (90d): 26% (typical: 5.0%)');
    expect(reasonSentence(e, NaN, 0.05, undefined)).toBe(
      'no data for “Share of orders refunded” in the 90d window (typical: 5.0%)',
    );
  });

  it('format values by unit', () => {
    expect(formatValue(1234.5, 'currency')).toBe('1,234.50');
    expect(formatValue(3.25, 'hours')).toBe('3.3 hours');
    expect(formatValue(-0.35, 'stars_change')).toBe('-0.35');
    expect(formatValue(0.02, 'share_change')).toBe('+2.0 points');
    expect(formatValue(-0.00001, 'count')).toBe('0');
  });

  it('take the typical value as the median of known values', () => {
    expect(columnMedian(Float32Array.from([5, NaN, 1, 3]))).toBe(3);
    expect(columnMedian([1, 2, 3, 4])).toBe(2.5);
    expect(columnMedian([NaN])).toBeNaN();
  });

  it('have a template or a catalogue entry for every model feature', () => {
    expect(entries.every((e) => e !== undefined)).toBe(true);
  });
});

describe('columnMedian against a sort of the finite values', () => {
  it('is the middle value (or the mean of the two middle ones) of any column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -5, max: 5 })), { maxLength: 60 }),
        (values) => {
          const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
          const mid = finite.length >> 1;
          const expected =
            finite.length === 0 ? NaN : finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
          // -0 and 0 are one median: a typed sort orders them, a comparator keeps their input order
          expect(columnMedian(values) + 0).toBe(expected + 0);
        },
      ),
    );
  });

  it('gives each column of a batch its own median, one scratch buffer shared by float32 and double columns', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.boolean(), fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -3, max: 3 })))),
          { maxLength: 6 },
        ),
        (specs) => {
          const columns = specs.map(([float32, values]) => (float32 ? Float32Array.from(values) : values));
          const one = columns.map((c) => columnMedian(c) + 0);
          expect(columnMedians(columns).map((m) => m + 0)).toEqual(one);
        },
      ),
    );
  });

  it('holds on long columns of few distinct values, as feature columns mostly are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3000 }), (values) => {
        const sorted = Float64Array.from(values).sort();
        const mid = sorted.length >> 1;
        const expected = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
        expect(columnMedian(Float32Array.from(values))).toBe(expected);
      }),
    );
  });
});
