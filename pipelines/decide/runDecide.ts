// Handler of `trustlens decide`: NDJSON refund requests from a file or stdin, one decision (or error) line each on
// stdout.
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '../cli/defineCommand.ts';
import type { Decider } from './createDecider.ts';
import { decideChunk, type DecidedChunk } from './decideChunk.ts';
import { DeciderPool } from './deciderPool.ts';
import { loadDecider } from './decide.ts';

export interface DecideOptions {
  asOf?: string;
  policy?: string;
  input?: string;
}

/**
 * Lines are decided in chunks: request risk is predicted a chunk at a time, and output keeps flowing on long inputs.
 */
const CHUNK_LINES = 4_096;

/**
 * From this many lines on, decideStream starts worker threads, and decides in this thread until they are ready. Each
 * worker starts cold (its modules bundled, the week copied in, its code compiled again as it warms up: about two
 * CPU-seconds in all), so they pay only on long inputs: through the CLI on the 20k-buyer marketplace, 100,000 lines
 * took 5.8 s with workers against 5.0 s without, 300,000 lines 10.1 s against 11.8 s.
 */
export const PARALLEL_FROM_LINES = 200_000;

export interface DecideCounts {
  lines: number;
  decisions: number;
  errors: number;
}

export interface DecideStreamOptions {
  /**
   * Worker threads at most (config decide.threads), never more than the machine's cores; 1 decides in this thread.
   * Whatever the number, the output is the same bytes.
   */
  threads?: number;
  /**
   * Worker threads already started (the bench starts them before its clock, as it loads the week): used whatever the
   * input's length, and left open.
   */
  pool?: DeciderPool;
  /** Lines read before workers are started (default PARALLEL_FROM_LINES); tests lower it. */
  parallelFromLines?: number;
  /** Told when worker threads could not start, so the run goes on in this thread (same output, slower). */
  onWarning?: (message: string) => void;
}

/**
 * Streams NDJSON lines through the decider; waits for the output to drain so a slow reader bounds memory. A long input
 * (PARALLEL_FROM_LINES or more) is decided by a pool of worker threads when the decider allows it (no review capacity
 * spent in input order); their chunks are written strictly in input order, so line numbers and bytes are the same.
 */
export async function decideStream(
  decider: Decider,
  input: Readable,
  output: Writable,
  options: DecideStreamOptions = {},
): Promise<DecideCounts> {
  const threads = Math.min(availableParallelism(), options.threads ?? availableParallelism());
  const parallel = threads > 1 && decider.orderIndependent;
  const counts: DecideCounts = { lines: 0, decisions: 0, errors: 0 };
  /** Workers decide once they are ready; until then (they take a second or so to start) this thread decides. */
  let pool: DeciderPool | null = options.pool ?? null;
  let starting: DeciderPool | null = null;
  const inflight: Promise<DecidedChunk>[] = [];
  const write = async (c: DecidedChunk) => {
    counts.decisions += c.decisions;
    counts.errors += c.errors;
    if (c.bytes.length > 0 && !output.write(c.bytes)) await once(output, 'drain');
  };
  const submit = async (lines: string[], first: number) => {
    if (parallel && !pool && !starting && counts.lines >= (options.parallelFromLines ?? PARALLEL_FROM_LINES)) {
      starting = await DeciderPool.start(decider, threads);
      const started = starting;
      void started.ready
        .then(() => (pool = started))
        .catch((err: unknown) =>
          options.onWarning?.(
            `decide worker threads did not start (${err instanceof Error ? err.message : String(err)}); deciding in one thread`,
          ),
        );
    }
    if (!pool) return write(decideChunk(decider, lines, first));
    const p = pool.decide(lines, first);
    p.catch(() => undefined); // awaited in order below; a failure must not surface first as an unhandled rejection
    inflight.push(p);
    // Two chunks a worker in flight: none waits for the next while this thread writes.
    if (inflight.length >= 2 * pool.threads) await write(await inflight.shift()!);
  };
  let chunk: string[] = [];
  let first = 1;
  const flush = async () => {
    if (chunk.length === 0) return;
    const lines = chunk;
    const at = first;
    first += chunk.length;
    chunk = [];
    await submit(lines, at);
  };
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      counts.lines++;
      chunk.push(line);
      if (chunk.length >= CHUNK_LINES) await flush();
    }
    await flush();
    while (inflight.length > 0) await write(await inflight.shift()!);
  } finally {
    await (starting as DeciderPool | null)?.close();
  }
  return counts;
}

export async function runDecide(options: DecideOptions, ctx: CommandContext): Promise<void> {
  const policy = options.policy ?? ctx.config.decide.policy;
  const decider = await loadDecider({
    warehouse: ctx.warehouse,
    artifactsDir: ctx.config.artifactsDir,
    policy,
    asOf: options.asOf,
    orderDays: ctx.config.decide.orderDays,
  });
  ctx.log.info(
    `deciding with policy ${decider.policyName} (${policy}) and the scores of the week of ${decider.scoresAsOf}`,
  );
  const input = options.input && options.input !== '-' ? createReadStream(options.input) : process.stdin;
  const counts = await decideStream(decider, input, process.stdout, {
    threads: ctx.config.decide.threads,
    onWarning: (m) => ctx.log.warn(m),
  });
  ctx.log.info(`${counts.decisions} decisions, ${counts.errors} lines with errors`);
}
