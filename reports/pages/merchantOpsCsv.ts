// The merchant-operations CSV exports: this week's recommended actions, the spot-check list and the compensation
// ledger.
import { toCsv, type CsvColumn } from '../csv/toCsv.ts';
import type { CompensationRow, MerchantActionRow, MerchantOpsData, SpotCheckRow } from '../reportData.ts';

export const MERCHANT_ACTIONS_CSV = 'merchant-actions.csv';
export const SPOT_CHECKS_CSV = 'spot-checks.csv';
export const COMPENSATION_CSV = 'compensation-ledger.csv';

const ACTION_COLUMNS: CsvColumn<MerchantActionRow>[] = [
  { header: 'merchant_id', value: (r) => r.merchantId },
  { header: 'name', value: (r) => r.name },
  { header: 'category', value: (r) => r.category },
  { header: 'action', value: (r) => r.action },
  { header: 'previous_action', value: (r) => r.previousAction },
  { header: 'change', value: (r) => r.change },
  { header: 'points_this_week', value: (r) => r.pointsWeek },
  { header: 'points_active', value: (r) => r.pointsActive },
  { header: 'deadline', value: (r) => r.deadline },
  { header: 'violations', value: (r) => r.violations },
];

const SPOT_COLUMNS: CsvColumn<SpotCheckRow>[] = [
  { header: 'merchant_id', value: (r) => r.merchantId },
  { header: 'name', value: (r) => r.name },
  { header: 'category', value: (r) => r.category },
  { header: 'drawn_by', value: (r) => r.stratum },
  { header: 'inclusion_probability', value: (r) => Number(r.inclusionProbability.toFixed(6)) },
  { header: 'weight', value: (r) => Number((1 / r.inclusionProbability).toFixed(4)) },
  { header: 'risk', value: (r) => Number(r.risk.toFixed(4)) },
  { header: 'trust', value: (r) => (r.trust === null ? null : Number(r.trust.toFixed(2))) },
  { header: 'failed_standards', value: (r) => r.failedStandards },
  { header: 'inspection_result', value: () => '' },
];

const LEDGER_COLUMNS: CsvColumn<CompensationRow>[] = [
  { header: 'week_end', value: (r) => r.asOf },
  { header: 'merchant_id', value: (r) => r.merchantId },
  { header: 'name', value: (r) => r.name },
  { header: 'confirmed_amount', value: (r) => Number(r.confirmedAmount.toFixed(2)) },
  { header: 'confirmed_requests', value: (r) => r.confirmedRequests },
  { header: 'expected_amount', value: (r) => Number(r.expectedAmount.toFixed(2)) },
  { header: 'expected_requests', value: (r) => r.expectedRequests },
  { header: 'cumulative_confirmed', value: (r) => Number(r.cumulativeConfirmed.toFixed(2)) },
  { header: 'cumulative_expected', value: (r) => Number(r.cumulativeExpected.toFixed(2)) },
  { header: 'confirmed_request_ids', value: (r) => r.confirmedRequestIds },
  { header: 'expected_request_ids', value: (r) => r.expectedRequestIds },
];

/** UTF-8 with BOM, CRLF, every field quoted, lists joined with " | ", formula-like text prefixed with ' (toCsv). */
export function merchantActionsCsv(d: MerchantOpsData): string {
  return toCsv(
    ACTION_COLUMNS,
    (d.actions ?? []).filter((r) => r.level > 0),
  );
}

/** The inspection team's list, with an empty inspection_result column to fill in and the weight 1/π for estimates. */
export function spotChecksCsv(d: MerchantOpsData): string {
  return toCsv(SPOT_COLUMNS, d.spotChecks?.rows ?? []);
}

export function compensationCsv(d: MerchantOpsData): string {
  return toCsv(LEDGER_COLUMNS, d.ledger ?? []);
}
