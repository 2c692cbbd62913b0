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
    expect(Array.from(again.explain(columns, 3).contributions)).toEqual(Array.from(model.explain(columns, 3).contributions));
    expect(again.oobScore).toBe(model.oobScore);
  });

  it('rejects another version and truncated arrays, saying why', async () => {
    const { columns, labels } = makeData(300, 2, 9, (x) => (x[0]! > 0 ? 1 : 0));
    const json = (await trainForest(columns, labels, { nTrees: 2, threads: 1 })).toJSON();
    expect(() => Forest.fromJSON({ ...json, version: 99 })).toThrow(/version received: 99/);
    const broken = { ...json, trees: [{ ...json.trees[0]!, value: 'AAAA' }] };
    expect(() => Forest.fromJSON(broken)).toThrow(/trees\[0\]\.value holds 3 bytes/);
  });
});
