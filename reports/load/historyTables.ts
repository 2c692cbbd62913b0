// The history tables report queries may name in their {{table}} slot, allow-listed and quoted.
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';

export const HISTORY_TABLES = [
  'feat_buyer_history',
  'feat_merchant_history',
  'feat_request_history',
  'score_buyer_history',
  'score_merchant_history',
] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

/** The {{table}} slot of a report query: only an allow-listed history table, as a quoted identifier. */
export function historyTableSlot(table: HistoryTable): { table: string } {
  if (!HISTORY_TABLES.includes(table))
    throw new Error(`report query: ${String(table)} is not an allowed history table`);
  return { table: quoteIdent(table) };
}
