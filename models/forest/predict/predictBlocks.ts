// Claims blocks of rows from a shared counter and predicts them: the loop every prediction thread runs, caller or
// worker.
import { predictPacked } from './predict.ts';
import type { PredictInit } from './predictProtocol.ts';

/**
 * Predicts every block still unclaimed in `init` on this thread. Blocks shrink as the rows run out (a share of what
 * is left, between minBlock and maxBlock rows), so that the threads finish close together.
 */
export function predictBlocks(init: PredictInit): void {
  const n = init.out.length;
  Atomics.wait(init.ready, 0, 0);
  for (;;) {
    let start: number;
    let end: number;
    do {
      start = Atomics.load(init.next, 0);
      if (start >= n) return;
      const size = Math.max(init.minBlock, Math.min(init.maxBlock, Math.ceil((n - start) / (2 * init.threads))));
      end = Math.min(n, start + size);
    } while (Atomics.compareExchange(init.next, 0, start, end) !== start);
    predictPacked(init.forest, init.columns, init.out, start, end);
  }
}
