// The scorecard standards' settings from config, in the shapes the govern SQL binds.
import type { GovernConfig } from '../../data/config/governSchema.ts';
import { STANDARDS, type StandardArea } from '../../data/vocabulary/governStandards.ts';

/**
 * One standard with its configured limit, minimum cases and points, as gov_scorecard.sql reads them (bound as JSON).
 */
export interface StandardRow {
  standard: string;
  area: StandardArea;
  direction: 'max' | 'min';
  limit: number;
  min_cases: number;
  points: number;
}

export function standardRows(config: GovernConfig): StandardRow[] {
  return STANDARDS.map((s) => {
    const c = config.standards[s.key];
    return {
      standard: s.id,
      area: s.area,
      direction: s.direction,
      limit: c.limit,
      min_cases: c.minCases,
      points: c.points,
    };
  });
}

/** The hour limits and the low-rating bound the metric SQL binds (gov_metrics.sql). */
export function metricParams(config: GovernConfig): Record<string, number> {
  const s = config.standards;
  return {
    ticket_response_hours: s.ticketResponseLate.hours,
    refund_response_hours: s.refundResponseLate.hours,
    resolution_hours: s.ticketResolution.hours,
    fresh_food_hours: s.freshFoodSlowDecision.hours,
    low_service_rating: s.lowServiceRatings.rating,
  };
}
