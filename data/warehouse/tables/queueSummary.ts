// What a week's review queue did (risk_queue_summary_history): the score stage writes it, the queue page explains it.
export interface QueueSummary {
  capacity: number;
  queued: number;
  /** Accounts above both floors that are already handled: listed apart, taking no capacity. */
  handled: number;
  /** Accounts not handled with risk below review.minRisk. */
  belowRiskFloor: number;
  /** Accounts not handled, above the risk floor, with expected loss below review.minExpectedLoss. */
  belowLossFloor: number;
  minRisk: number;
  minExpectedLoss: number;
}
