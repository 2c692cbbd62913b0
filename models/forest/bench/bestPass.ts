// The bench's timing rule for prediction, the same for every contender (sklearn_rf.py follows it too).

/** Passes timed at least, after the warm-up; more follow until PASS_BUDGET_SECONDS have been spent. */
export const MIN_PASSES = 2;
export const PASS_BUDGET_SECONDS = 1;

/**
 * Seconds of the fastest of the timed passes of `pass`, which run after one untimed warm-up pass (`warmUp`, or
 * `pass` itself): at least MIN_PASSES, then more while the passes so far took less than PASS_BUDGET_SECONDS. The
 * fastest pass is the one least disturbed by the rest of the machine, which is what a throughput figure should show.
 */
export async function bestPassSeconds(pass: () => unknown, warmUp: () => unknown = pass): Promise<number> {
  await warmUp();
  let best = Infinity;
  let spent = 0;
  for (let k = 0; k < MIN_PASSES || spent < PASS_BUDGET_SECONDS; k++) {
    const t = performance.now();
    await pass();
    const s = (performance.now() - t) / 1000;
    best = Math.min(best, s);
    spent += s;
  }
  return best;
}
