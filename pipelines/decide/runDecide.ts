// Handler of `trustlens decide`: NDJSON refund requests from a file or stdin, one decision (or error) line each on
// stdout.
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '../cli/defineCommand.ts';
import type { Decider } from './createDecider.ts';
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

export interface DecideCounts {
  lines: number;
  decisions: number;
  errors: number;
}

/** Streams NDJSON lines through the decider; waits for the output to drain so a slow reader bounds memory. */
export async function decideStream(decider: Decider, input: Readable, output: Writable): Promise<DecideCounts> {
  const counts: DecideCounts = { lines: 0, decisions: 0, errors: 0 };
  let chunk: string[] = [];
  let first = 1;
  const flush = async () => {
    if (chunk.length === 0) return;
    const out = decider.decideLines(chunk, first);
    first += chunk.length;
    chunk = [];
    for (const d of out)
      if ('action' in d) counts.decisions++;
      else counts.errors++;
    if (out.length && !output.write(out.map((d) => JSON.stringify(d)).join('\n') + '\n')) await once(output, 'drain');
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    counts.lines++;
    chunk.push(line);
    if (chunk.length >= CHUNK_LINES) await flush();
  }
  await flush();
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
  const counts = await decideStream(decider, input, process.stdout);
  ctx.log.info(`${counts.decisions} decisions, ${counts.errors} lines with errors`);
}
