// The review queue's rules: already-handled accounts apart, risk and expected-loss floors, then expected loss within
// capacity.
import type { QueueSummary } from '../../data/warehouse/tables/queueSummary.ts';

export type { QueueSummary };
export interface QueueCandidate {
  buyer_id: string;
  risk: number;
  expected_loss: number;
}

/**
 * Why an account needs no review slot: a confirmed-abuse verdict closed, or an investigation still open, before the
 * as-of date.
 */
export interface HandledCase {
  handled_as: 'confirmed_abuse' | 'open_investigation';
  /** When the verdict closed (confirmed) or the case opened (open). */
  since: string;
  case_id: string;
}

export interface QueueRules {
  capacity: number;
  minRisk: number;
  minExpectedLoss: number;
}

export interface QueuePlan {
  /** Queue rank (1-based) by row index. */
  queueRank: Map<number, number>;
  /** Rank in the already-handled list by row index (same order as the queue). */
  handledRank: Map<number, number>;
  summary: QueueSummary;
}

/** The queue's order: largest expected loss first, then risk, then id, so every run gives the same queue. */
export function queueOrder(rows: readonly QueueCandidate[]): (a: number, b: number) => number {
  return (a, b) =>
    rows[b]!.expected_loss - rows[a]!.expected_loss ||
    rows[b]!.risk - rows[a]!.risk ||
    (rows[a]!.buyer_id < rows[b]!.buyer_id ? -1 : 1);
}

/**
 * Handled accounts never take a slot, whatever their score; the others enter when they reach both floors, and the
 * first `capacity` of them by expected loss are the queue. Fewer eligible accounts than capacity give a shorter queue.
 */
export function rankQueue(
  rows: readonly QueueCandidate[],
  handled: ReadonlyMap<string, HandledCase>,
  rules: QueueRules,
): QueuePlan {
  const eligible: number[] = [];
  const apart: number[] = [];
  let belowRiskFloor = 0;
  let belowLossFloor = 0;
  rows.forEach((r, i) => {
    const aboveFloors = r.risk >= rules.minRisk && r.expected_loss >= rules.minExpectedLoss;
    if (handled.has(r.buyer_id)) {
      if (aboveFloors) apart.push(i);
    } else if (r.risk < rules.minRisk) belowRiskFloor++;
    else if (r.expected_loss < rules.minExpectedLoss) belowLossFloor++;
    else eligible.push(i);
  });
  const order = queueOrder(rows);
  const queued = eligible.sort(order).slice(0, rules.capacity);
  apart.sort(order);
  return {
    queueRank: new Map(queued.map((row, r) => [row, r + 1])),
    handledRank: new Map(apart.map((row, r) => [row, r + 1])),
    summary: {
      capacity: rules.capacity,
      queued: queued.length,
      handled: apart.length,
      belowRiskFloor,
      belowLossFloor,
      minRisk: rules.minRisk,
      minExpectedLoss: rules.minExpectedLoss,
    },
  };
}

/** One sentence on a queue shorter than capacity, or null when it is full. */
export function shortQueueReason(s: QueueSummary): string | null {
  if (s.queued >= s.capacity) return null;
  const n = (x: number) => x.toLocaleString('en');
  return (
    `queue ${n(s.queued)} of ${n(s.capacity)}: only ${n(s.queued)} account${s.queued === 1 ? '' : 's'} not already handled reached ` +
    `risk ≥ ${s.minRisk} and expected loss ≥ ${s.minExpectedLoss} (review.minRisk, review.minExpectedLoss); ` +
    `${n(s.belowRiskFloor)} below the risk floor, ${n(s.belowLossFloor)} below the expected-loss floor, ${n(s.handled)} already handled`
  );
}
