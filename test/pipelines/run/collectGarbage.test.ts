// collectGarbage: a full collection on demand, so the run can free one stage's dead objects before the next.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../pipelines/run/collectGarbage.ts';

/** A WeakRef to an object nothing else holds, made in a job of its own (a ref's target lives to the end of its job). */
async function unreachable(): Promise<WeakRef<object>> {
  await Promise.resolve();
  return new WeakRef({ rows: new Array<number>(1_000).fill(1) });
}

describe('collectGarbage', () => {
  it('collects an object nothing holds any more', async () => {
    const ref = await unreachable();
    expect(ref.deref()).toBeDefined(); // young and unpressed: V8 has not collected it on its own
    // deref() keeps the target to the end of this job: collect in the next one
    await new Promise((resolve) => setImmediate(resolve));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps what is still held', async () => {
    const held = { rows: [1, 2, 3] };
    const ref = new WeakRef(held);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBe(held);
  });
});
