// A full garbage collection between the weekly run's stages, so one stage's dead objects never sit beside the next
// stage's DuckDB memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = () => void;

/** V8's own collector once found (undefined: not looked up yet; null: this Node does not give it). */
let collector: Collect | null | undefined;

function findCollector(): Collect | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as Collect;
  try {
    // The flag takes effect for contexts created after it: a new context then has `gc` as a global.
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    return typeof found === 'function' ? (found as Collect) : null;
  } catch {
    return null;
  }
}

/**
 * Runs a full collection now; false when this Node gives no way to (nothing happens then). V8 collects its old
 * generation only as the heap nears a limit that grows with the heap, so at 10M orders the score stage's million row
 * objects (about 500 MB) stayed through govern and simulate, beside DuckDB's up to `memoryLimit`, and set the weekly
 * run's peak (pipelines/run/README.md, "Memory between stages").
 */
export function collectGarbage(): boolean {
  if (collector === undefined) collector = findCollector();
  collector?.();
  return collector !== null;
}
