// cutTable: each range of float32 values maps to the number of cuts below the range's smallest value; codeColumn codes
// by it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binOf } from '../../../models/forest/train/binning.ts';
import { codeColumn, cutCoder, cutTable } from '../../../models/forest/predict/cutTable.ts';

/** The definition, range by range: cuts below the range's lowest float32 (NaN-only ranges keep the count before). */
function definition(cuts: Float64Array): Uint16Array {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const table = new Uint16Array(65536);
  let code = 0;
  for (let range = 0; range < 65536; range++) {
    const key = range << 16;
    u32[0] = key < 0 ? key ^ 0x80000000 : ~key;
    const lowest = f32[0]!;
    if (lowest === lowest) while (code < cuts.length && cuts[code]! < lowest) code++;
    table[range] = code;
  }
  return table;
}

const firstDifference = (a: Uint16Array, b: Uint16Array) => a.findIndex((v, i) => v !== b[i]);

describe('cutTable', () => {
  it('matches the definition for no cuts, signed zeros, infinities, denormals and float32 neighbours', () => {
    const sets = [
      Float64Array.of(),
      Float64Array.of(-Infinity, 0, Infinity),
      Float64Array.of(-3.4e38, -1e-40, 0, 1e-45, 0.1, 1e30, 3.4e38),
      // Many cuts in one range, and cuts halfway between neighbouring float32 values (as binning's midpoints are).
      Float64Array.from({ length: 300 }, (_, i) => 1 + i * 2 ** -24),
    ];
    for (const cuts of sets) expect(firstDifference(cutTable(cuts), definition(cuts))).toBe(-1);
  });

  it('matches the definition for any sorted distinct cuts', () => {
    const cut = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.float({ noNaN: true }).map(Number),
      fc.integer({ min: -200, max: 200 }).map((i) => 1 + i * 2 ** -24),
    );
    fc.assert(
      fc.property(fc.uniqueArray(cut, { maxLength: 300 }), (xs) => {
        const cuts = Float64Array.from(new Set(xs.map((x) => (x === 0 ? 0 : x)))).sort();
        expect(firstDifference(cutTable(cuts), definition(cuts))).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('codeColumn', () => {
  /** The definition: how many cuts lie below x (binOf's binary search); NaN gets its own code. */
  const codeOf = (x: number, cuts: Float64Array, nanCode: number): number => (x !== x ? nanCode : binOf(x, cuts));

  it('codes every value as the number of cuts below it, into a strided buffer, for any cuts including none', () => {
    const value = fc.oneof(
      fc.float().map(Number),
      fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e-45, 3.4e38),
      fc.integer({ min: -200, max: 200 }).map((i) => Math.fround(1 + i * 2 ** -23)),
    );
    const cut = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -200, max: 200 }).map((i) => 1 + i * 2 ** -24),
      fc.constant(Infinity),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(cut, { maxLength: 300 }),
        fc.array(value, { minLength: 1, maxLength: 200 }),
        fc.nat(20),
        (xs, values, from) => {
          const cuts = Float64Array.from(new Set(xs.map((x) => (x === 0 ? 0 : x)))).sort();
          const col = Float32Array.from([...Array<number>(from).fill(0), ...values]);
          const out = new Uint16Array(3 * values.length + 1).fill(7777);
          codeColumn(col, new Int32Array(col.buffer), from, values.length, cutCoder(cuts), 999, out, 1, 3);
          const expected = Array.from(out, () => 7777);
          values.forEach((x, i) => (expected[1 + 3 * i] = codeOf(Math.fround(x), cuts, 999)));
          expect(Array.from(out)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("flips each code with the given XOR, NaN's included", () => {
    const cuts = Float64Array.of(-1, 0, 2.5);
    const col = Float32Array.of(-3, -1, 0.5, 2.5, 9, NaN);
    const out = new Uint8Array(6);
    codeColumn(col, new Int32Array(col.buffer), 0, 6, cutCoder(cuts), 255, out, 0, 1, 0x80);
    expect(Array.from(out)).toEqual([0x80, 0x80, 0x82, 0x82, 0x83, 0x7f]);
  });
});
