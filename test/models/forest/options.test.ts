// Option validation: every problem reported at once, naming key, value and rule.
import { describe, expect, it } from 'vitest';
import { ForestOptionsError, trainForest } from '../../../models/forest/index.ts';

describe('forest options', () => {
  const columns = [Float32Array.of(1, 2, 3, 4)];
  const labels = Uint8Array.of(0, 1, 0, 1);

  it('collects all errors with the value received and the rule', async () => {
    const bad = { maxBins: 300, nTrees: 0, maxFeatures: 'half', colour: 'red' } as unknown as Parameters<
      typeof trainForest
    >[2];
    const error = await trainForest(columns, labels, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForestOptionsError);
    const message = (error as Error).message;
    expect(message).toMatch(/maxBins: received 300; must be an integer from 2 to 255/);
    expect(message).toMatch(/nTrees: received 0/);
    expect(message).toMatch(/maxFeatures: received "half"/);
    expect(message).toMatch(/unknown option\(s\) "colour"/);
    expect((error as ForestOptionsError).problems).toHaveLength(4);
  });

  it('rejects mismatched labels with the counts', async () => {
    await expect(trainForest(columns, Uint8Array.of(0, 1), {})).rejects.toThrow(/2 labels for 4 rows/);
    await expect(trainForest(columns, Uint8Array.of(0, 1, 2, 1), {})).rejects.toThrow(/label at row 2 is 2/);
  });
});
