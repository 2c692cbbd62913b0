// Claims blocks of rows from a shared counter and predicts them: the loop every prediction thread runs, caller or worker.
import { predictPacked } from './predict.ts';
import type { PredictInit } from './predictProtocol.ts';

/** Predicts every block still unclaimed in `init` on this thread. */
export function predictBlocks(init: PredictInit): void {
  const n = init.out.length;
  for (;;) {
    const start = Atomics.add(init.next, 0, init.block);
    if (start >= n) return;
    predictPacked(init.forest, init.columns, init.out, start, Math.min(n, start + init.block));
  }
}
