// JSON persistence: exact round trip, versioned, corrupt input rejected with a reason.
import { describe, expect, it } from 'vitest';
import { Forest, FOREST_FORMAT_VERSION, trainForest } from '../../../models/forest/index.ts';
import { makeData } from './helpers.ts';

describe('forest JSON', () => {
  it('predicts identically after fromJSON(toJSON(m)), also through JSON text', async () => {
    const { columns, labels } = makeData(2000, 5, 8, (x) => (x[0]! * x[1]! > 0.1 ? 1 : 0));
    columns[2]![3] = NaN;
    const model = await trainForest(columns, labels, { nTrees: 8, threads: 1 });
    const json = model.toJSON();
    expect(json.version).toBe(FOREST_FORMAT_VERSION);
    const again = Forest.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(Array.from(again.predictProba(columns))).toEqual(Array.from(model.predictProba(columns)));
    expect(JSON.stringify(Forest.fromJSON(JSON.stringify(json)).toJSON())).toBe(JSON.stringify(json));
    expect(Array.from(again.explain(columns, 3).contributions)).toEqual(
      Array.from(model.explain(columns, 3).contributions),
    );
    expect(again.oobScore).toBe(model.oobScore);
  });

  it('rejects another version and truncated arrays, saying why', async () => {
    const { columns, labels } = makeData(300, 2, 9, (x) => (x[0]! > 0 ? 1 : 0));
    const json = (await trainForest(columns, labels, { nTrees: 2, threads: 1 })).toJSON();
    expect(() => Forest.fromJSON({ ...json, version: 99 })).toThrow(/version received: 99/);
    const broken = { ...json, trees: [{ ...json.trees[0]!, value: 'AAAA' }] };
    expect(() => Forest.fromJSON(broken)).toThrow(/trees\[0\]\.value holds 3 bytes/);
  });

  it('rejects a split at a NaN threshold and a node with two parents, naming the node', async () => {
    const { columns, labels } = makeData(300, 2, 9, (x) => (x[0]! > 0 ? 1 : 0));
    const json = (await trainForest(columns, labels, { nTrees: 1, threads: 1 })).toJSON();
    const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    const tree = (feature: number[], threshold: number[], left: number[]) => ({
      ...json.trees[0]!,
      nodeCount: 5,
      feature: b64(Int32Array.from(feature)),
      threshold: b64(Float64Array.from(threshold)),
      binThreshold: b64(new Uint8Array(5)),
      missingLeft: b64(new Uint8Array(5)),
      left: b64(Int32Array.from(left)),
      value: b64(Float64Array.of(0.5, 0.5, 0.5, 0, 1)),
      cover: b64(Float64Array.of(4, 2, 2, 1, 1)),
    });
    // Node 0 splits into 1 and 2; nodes 1 and 2 both split into 3 and 4.
    expect(() =>
      Forest.fromJSON({ ...json, trees: [tree([0, 1, 1, -1, -1], [0, 0, 0, 0, 0], [1, 3, 3, -1, -1])] }),
    ).toThrow(
      'Forest JSON: trees[0].node 3 is a child of both node 1 and node 2; in a tree each node has one parent. The file is corrupt.',
    );
    // A valid shape whose node 1 splits at NaN.
    expect(() =>
      Forest.fromJSON({ ...json, trees: [tree([0, 1, -1, -1, -1], [0, NaN, 0, 0, 0], [1, 3, -1, -1, -1])] }),
    ).toThrow(
      'Forest JSON: trees[0].node 1 splits feature 1 at threshold NaN, which no value is at or below. The file is corrupt.',
    );
    expect(
      Forest.fromJSON({ ...json, trees: [tree([0, 1, -1, -1, -1], [0, -Infinity, 0, 0, 0], [1, 3, -1, -1, -1])] })
        .trees,
    ).toHaveLength(1);
  });
});
