// The shipped specs parse, and a spec's snapshotRows is refused where nothing could count its rows.
import { describe, expect, it } from 'vitest';
import { MODEL_SPECS, modelSpecSchema } from '../../../models/specs/index.ts';

describe('modelSpecSchema', () => {
  it('accepts every shipped spec as it is', () => {
    for (const spec of Object.values(MODEL_SPECS)) expect(modelSpecSchema.parse(spec)).toEqual(spec);
  });

  it('lets only a request model with its own snapshotWeeks set snapshotRows', () => {
    const message = 'snapshotRows counts refund requests: only a request model with its own snapshotWeeks can set it';
    const buyer = modelSpecSchema.safeParse({ ...MODEL_SPECS['abuse-risk'], snapshotRows: 12_000 });
    expect(buyer.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['snapshotRows', message]]);
    const open = modelSpecSchema.safeParse({ ...MODEL_SPECS['request-risk'], snapshotWeeks: undefined });
    expect(open.error?.issues.map((i) => i.path.join('.'))).toEqual(['snapshotRows']);
  });
});
