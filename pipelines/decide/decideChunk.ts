// A chunk of NDJSON lines decided and written as NDJSON (UTF-8 bytes): the one step of `decide`, in the main thread or
// a worker.
import type { Decider } from './createDecider.ts';
import { decisionLineJson } from './decisionJson.ts';
import { Utf8Builder } from './utf8Builder.ts';

export interface DecidedChunk {
  /** One JSON line (newline-terminated) per non-blank input line, in input order, in UTF-8; empty when all blank. */
  bytes: Uint8Array<ArrayBuffer>;
  decisions: number;
  errors: number;
}

/**
 * Lines decided at once within a chunk. A batch's requests, contexts and decisions live until the batch is written:
 * over a whole chunk (4,096 lines) they outlived the young generation, and copying them out of it was a third of
 * decide's time; a few hundred die young. Request risk is the same whatever the batch (each row's trees are summed
 * alone), so the output is the same bytes.
 */
export const BATCH_LINES = 256;

/**
 * Decides `lines` (the first is input line `firstLine`) and serialises each decision or error line. The text goes
 * into bytes line by line, so no string outlives its line either.
 */
export function decideChunk(
  decider: Decider,
  lines: readonly string[],
  firstLine: number,
  batchLines = BATCH_LINES,
): DecidedChunk {
  // About 520 bytes a decision line with its reasons: most chunks need no second buffer.
  const out = new Utf8Builder(600 * lines.length);
  let decisions = 0;
  let errors = 0;
  for (let at = 0; at < lines.length; at += batchLines) {
    for (const d of decider.decideLines(lines.slice(at, at + batchLines), firstLine + at)) {
      if ('action' in d) decisions++;
      else errors++;
      // A line at a time: a batch's text as one string (over 128 KiB) is allocated apart from the young generation,
      // and encoding it took ten times as long as encoding its lines.
      out.append(decisionLineJson(d) + '\n');
    }
  }
  return { bytes: out.bytes(), decisions, errors };
}
