// A chunk of NDJSON lines decided and written as NDJSON text: the one step of `decide`, in the main thread or a worker.
import type { Decider } from './createDecider.ts';
import { decisionLineJson } from './decisionJson.ts';

export interface DecidedChunk<Text extends string | Uint8Array = string> {
  /**
   * One JSON line (newline-terminated) per non-blank input line, in input order; empty when all were blank. From a
   * worker thread, its UTF-8 bytes.
   */
  text: Text;
  decisions: number;
  errors: number;
}

/** Decides `lines` (the first is input line `firstLine`) and serialises each decision or error line. */
export function decideChunk(decider: Decider, lines: readonly string[], firstLine: number): DecidedChunk {
  const out = decider.decideLines(lines, firstLine);
  let text = '';
  let decisions = 0;
  for (const d of out) {
    if ('action' in d) decisions++;
    text += decisionLineJson(d) + '\n';
  }
  return { text, decisions, errors: out.length - decisions };
}
