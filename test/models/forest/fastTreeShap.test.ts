// Fast TreeSHAP v2 gives Algorithm 2's path-dependent SHAP values (within float rounding) on any tree it accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForestShap } from '../../../models/forest/explain/forestShap.ts';
import { prepareFastShapTree } from '../../../models/forest/explain/fastTreeShap.ts';
import { treeExpectedValue } from '../../../models/forest/explain/treeShap.ts';
import { Rng } from '../../../models/forest/train/random.ts';
import type { FlatTree } from '../../../models/forest/index.ts';

/**
 * A random tree: splits on few features so paths repeat them, covers that split unevenly, some zero-value leaves
 * (including whole zero subtrees), missing values sent either way.
 */
function randomTree(rng: Rng, nFeatures: number, maxDepth: number): FlatTree {
  const nodes: {
    feature: number;
    threshold: number;
    missingLeft: number;
    left: number;
    value: number;
    cover: number;
  }[] = [];
  const grow = (index: number, depth: number, cover: number): void => {
    const node = nodes[index]!;
    node.cover = cover;
    if (depth >= maxDepth || rng.nextFloat() < 0.2) {
      node.value = rng.nextFloat() < 0.25 ? 0 : rng.nextFloat();
      return;
    }
    node.feature = Math.floor(rng.nextFloat() * nFeatures);
    node.threshold = rng.nextFloat() * 2 - 1;
    node.missingLeft = rng.nextFloat() < 0.5 ? 1 : 0;
    node.left = nodes.length;
    nodes.push(leafNode(), leafNode());
    const share = 0.05 + 0.9 * rng.nextFloat();
    grow(node.left, depth + 1, cover * share);
    grow(node.left + 1, depth + 1, cover * (1 - share));
  };
  nodes.push(leafNode());
  grow(0, 0, 100 + 1000 * rng.nextFloat());
  return {
    nodeCount: nodes.length,
    feature: Int32Array.from(nodes, (n) => n.feature),
    threshold: Float64Array.from(nodes, (n) => n.threshold),
    binThreshold: new Uint8Array(nodes.length),
    missingLeft: Uint8Array.from(nodes, (n) => n.missingLeft),
    left: Int32Array.from(nodes, (n) => n.left),
    value: Float64Array.from(nodes, (n) => n.value),
    cover: Float64Array.from(nodes, (n) => n.cover),
  };
}

function leafNode() {
  return { feature: -1, threshold: 0, missingLeft: 0, left: -1, value: 0, cover: 0 };
}

function predict(tree: FlatTree, x: Float64Array, at: number): number {
  let k = 0;
  while (tree.left[k]! >= 0) {
    const v = x[at + tree.feature[k]!]!;
    const goLeft = Number.isNaN(v) ? tree.missingLeft[k] === 1 : v <= tree.threshold[k]!;
    k = tree.left[k]! + (goLeft ? 0 : 1);
  }
  return tree.value[k]!;
}

function randomRows(rng: Rng, nRows: number, nFeatures: number): Float64Array {
  return Float64Array.from({ length: nRows * nFeatures }, () =>
    rng.nextFloat() < 0.1 ? NaN : rng.nextFloat() * 2 - 1,
  );
}

describe('Fast TreeSHAP v2', () => {
  it('equals Algorithm 2 within 1e-12 and sums to the prediction, for any tree, row, block and table budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 150 }),
        (seed, nFeatures, maxDepth, nRows) => {
          const rng = new Rng(seed);
          const trees = Array.from({ length: 1 + Math.floor(rng.nextFloat() * 5) }, () =>
            randomTree(rng, nFeatures, maxDepth),
          );
          const values = randomRows(rng, nRows, nFeatures);
          const fast = new Float64Array(values.length);
          const exact = new Float64Array(values.length);
          ForestShap.of(trees, nFeatures).explainValues(values, fast);
          ForestShap.of(trees, nFeatures, 0).explainValues(values, exact);
          // A forest budget that admits only the first trees' tables: the rest go to Algorithm 2, same values.
          const mixed = new Float64Array(values.length);
          ForestShap.of(trees, nFeatures, undefined, 64).explainValues(values, mixed);
          const expected = trees.reduce((s, t) => s + treeExpectedValue(t), 0) / trees.length;
          for (let r = 0; r < nRows; r++) {
            let sum = expected;
            for (let f = 0; f < nFeatures; f++) {
              const i = r * nFeatures + f;
              expect(Math.abs(fast[i]! - exact[i]!)).toBeLessThan(1e-12);
              expect(Math.abs(mixed[i]! - exact[i]!)).toBeLessThan(1e-12);
              sum += fast[i]!;
            }
            const p = trees.reduce((s, t) => s + predict(t, values, r * nFeatures), 0) / trees.length;
            expect(Math.abs(sum - p)).toBeLessThan(1e-12);
          }
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('leaves a feature no live path splits on at exactly 0', () => {
    const rng = new Rng(5);
    const tree = randomTree(rng, 2, 5);
    const values = randomRows(rng, 20, 3);
    const out = new Float64Array(values.length);
    ForestShap.of([tree], 3).explainValues(values, out);
    for (let r = 0; r < 20; r++) expect(Object.is(out[r * 3 + 2], 0)).toBe(true);
  });

  it('declines a tree whose tables exceed the budget, or whose live leaf hangs under a zero-cover edge', () => {
    const tree = randomTree(new Rng(11), 6, 7);
    expect(prepareFastShapTree(tree, 1)).not.toBeNull();
    expect(prepareFastShapTree(tree, 1, 1)).toBeNull();
    const zeroCover: FlatTree = {
      nodeCount: 3,
      feature: Int32Array.of(0, -1, -1),
      threshold: Float64Array.of(0, 0, 0),
      binThreshold: new Uint8Array(3),
      missingLeft: new Uint8Array(3),
      left: Int32Array.of(1, -1, -1),
      value: Float64Array.of(0.5, 0.5, 0.5),
      cover: Float64Array.of(10, 10, 0),
    };
    expect(prepareFastShapTree(zeroCover, 1)).toBeNull();
  });
});
