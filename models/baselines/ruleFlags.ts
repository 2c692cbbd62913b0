// Applies a rule baseline to feature columns (flag = any condition holds; missing values never flag) and turns flags
// into rates.
import type { RuleBaseline } from '../specs/modelSpec.ts';

export function ruleFlags(
  rule: RuleBaseline,
  columns: ReadonlyMap<string, ArrayLike<number>>,
  nRows: number,
): Uint8Array {
  const flags = new Uint8Array(nRows);
  for (const c of rule.anyOf) {
    const col = columns.get(c.column);
    if (!col)
      throw new Error(
        `rule baseline "${rule.name}": column ${c.column} was not loaded. Fix: list it in the spec's features or baselines.`,
      );
    for (let i = 0; i < nRows; i++) {
      const v = col[i]!;
      if (c.op === '>=' ? v >= c.threshold : v > c.threshold) flags[i] = 1;
    }
  }
  return flags;
}

/**
 * A rule's probability: the positive rate among flagged and among unflagged rows of the training snapshots,
 * so held-out Brier scores and reliability tables compare like with like.
 */
export function ruleProbabilities(trainFlags: Uint8Array, trainLabels: Uint8Array, flags: Uint8Array): Float64Array {
  const n = [0, 0];
  const pos = [0, 0];
  for (let i = 0; i < trainFlags.length; i++) {
    n[trainFlags[i]!]!++;
    pos[trainFlags[i]!]! += trainLabels[i]!;
  }
  const rate = [n[0] ? pos[0]! / n[0] : 0, n[1] ? pos[1]! / n[1] : 0];
  return Float64Array.from(flags, (f) => rate[f]!);
}
