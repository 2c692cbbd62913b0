// The scorecard standards' settings from config, in the shapes the govern SQL binds.
import type { GovernConfig } from '../../data/config/governSchema.ts';
import { STANDARDS, type StandardArea } from '../../data/vocabulary/governStandards.ts';
import { oneSidedZ } from './oneSidedZ.ts';

/**
 * One standard with its configured limit, minimum cases and points, as gov_scorecard.sql reads them (bound as JSON).
 */
export interface StandardRow {
  standard: string;
  area: StandardArea;
  direction: 'max' | 'min';
  /** share: failed cases over cases; hours: a median, whose failed cases are those over the limit. */
  unit: 'hours' | 'share';
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
      unit: s.unit,
      limit: c.limit,
      min_cases: c.minCases,
      points: c.points,
    };
  });
}

/**
 * The hour limits and the low-rating bound the metric SQL binds (gov_metrics.sql); the median standards' limits too, so
 * each median counts its cases over the limit (the evidence of gov_scorecard.sql).
 */
export function metricParams(config: GovernConfig): Record<string, number> {
  const s = config.standards;
  return {
    ticket_response_median_hours: s.ticketResponseMedian.limit,
    refund_response_median_hours: s.refundResponseMedian.limit,
    resolution_time_hours: s.ticketResolutionTime.limit,
    ticket_response_hours: s.ticketResponseLate.hours,
    refund_response_hours: s.refundResponseLate.hours,
    resolution_hours: s.ticketResolution.hours,
    fresh_food_hours: s.freshFoodSlowDecision.hours,
    low_service_rating: s.lowServiceRatings.rating,
  };
}

/** What gov_scorecard.sql binds: the standards as JSON and the evidence z of govern.confidence. */
export function scorecardParams(config: GovernConfig): { standards: string; evidence_z: number } {
  return { standards: JSON.stringify(standardRows(config)), evidence_z: oneSidedZ(config.confidence) };
}
