// ReasonWriter (and topReasons, one row through it) gives, in rank order, the citable features with the largest
// positive contributions as reasonSentence words them, for any row of a model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citable, reasonSentence, topReasons, type ReasonInput } from '../../../models/explain/reasonSentences.ts';
import { ReasonWriter } from '../../../models/explain/reasonWriter.ts';
import { REQUEST_RISK_SPEC } from '../../../models/specs/requestRisk.ts';
import type { CatalogueEntry } from '../../../models/specs/specCatalogue.ts';

const UNITS = ['count', 'currency', 'share', 'hours', 'days', 'share_change', 'stars'] as const;
const WINDOWS = ['none', '30d', '90d'] as const;
const features = REQUEST_RISK_SPEC.features;
const entries: CatalogueEntry[] = features.map((name, f) => ({
  name,
  description: f % 5 === 0 ? `Some ${name}.` : `The ${name.replaceAll('_', ' ')}`,
  unit: UNITS[f % UNITS.length]!,
  window: WINDOWS[f % WINDOWS.length]!,
}));
const F = features.length;

/** Values that collide on purpose: equal contributions, values that format like the typical one, NaN. */
const value = fc.oneof(
  fc.constantFrom(0, 1, 0.5, 10, NaN, 0.0001, 1e-7),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const contribution = fc.oneof(fc.constantFrom(0, 1e-6, 0.01, 0.02, -0.01), fc.double({ min: -1, max: 1, noNaN: true }));
const row = fc.record({
  contributions: fc.array(contribution, { minLength: F, maxLength: F }).map((a) => Float64Array.from(a)),
  values: fc.array(value, { minLength: F, maxLength: F }).map((a) => Float32Array.from(a)),
  typical: fc.array(value, { minLength: F, maxLength: F }).map((a) => Float64Array.from(a)),
  max: fc.integer({ min: 0, max: 5 }),
});

/** The definition, one feature at a time: filter, sort by contribution (then index), keep the first citable ones. */
function sortedReasons(input: ReasonInput): { feature: string; sentence: string }[] {
  const { contributions, values, typical, entries: es, templates } = input;
  const exclude = new Set(input.exclude ?? []);
  const meets = (name: string) => {
    const c = input.onlyWhen?.[name];
    if (!c) return true;
    const v = values[es.findIndex((e) => e.name === c.column)];
    return v !== undefined && (c.op === '>=' ? v >= c.threshold : v > c.threshold);
  };
  const order = es
    .map((_, i) => i)
    .filter((i) => contributions[i]! > (input.minContribution ?? 1e-6) && !exclude.has(es[i]!.name))
    .filter((i) => meets(es[i]!.name))
    .sort((a, b) => contributions[b]! - contributions[a]! || a - b)
    .filter((i) => citable(es[i]!, values[i]!, typical[i]!))
    .slice(0, input.max ?? 4);
  return order.map((i) => ({
    feature: es[i]!.name,
    sentence: reasonSentence(es[i]!, values[i]!, typical[i]!, templates[es[i]!.name]),
  }));
}

describe('ReasonWriter', () => {
  it('writes the sorted definition’s reasons, with the spec’s templates, exclusions and conditions', () => {
    fc.assert(
      fc.property(row, ({ contributions, values, typical, max }) => {
        const model = {
          typical,
          entries,
          templates: REQUEST_RISK_SPEC.reasonTemplates,
          exclude: REQUEST_RISK_SPEC.notReasons,
          onlyWhen: REQUEST_RISK_SPEC.reasonOnlyWhen,
          max,
        };
        const expected = sortedReasons({ ...model, contributions, values });
        expect(new ReasonWriter(model).sentences(contributions, values)).toEqual(expected.map((r) => r.sentence));
        expect(
          topReasons({ ...model, contributions, values }).map((r) => ({ feature: r.feature, sentence: r.sentence })),
        ).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('is reused across rows without carrying anything from one to the next', () => {
    const typical = new Float64Array(F).fill(0);
    const writer = new ReasonWriter({ typical, entries, templates: {}, max: 2 });
    const values = new Float32Array(F).fill(3);
    const first = new Float64Array(F).fill(0);
    first[1] = 0.5;
    first[2] = 0.25;
    expect(writer.sentences(first, values)).toEqual([
      'the is return and refund (30d): 3.00 (typical: 0.00)',
      'the reason not received (90d): 300% (typical: 0%)',
    ]);
    expect(writer.sentences(new Float64Array(F), values)).toEqual([]);
  });
});
