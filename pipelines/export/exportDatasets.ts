// The datasets `trustlens export` writes for analysts and notebooks: one query file each, the tables it reads, what it
// holds.
export interface ExportDataset {
  /** Dataset name; the file is <name>.parquet. */
  name: string;
  /** Query under pipelines/export/sql/. */
  sqlFile: string;
  /**
   * Warehouse tables the query reads; the dataset is skipped with a warning naming the stage that writes a missing one.
   */
  reads: readonly string[];
  description: string;
}

/** Days of refund requests investigate_requests holds unless the caller says otherwise (not a config setting). */
export const INVESTIGATE_LOOKBACK_DAYS = 90;

export const EXPORT_DATASETS: readonly ExportDataset[] = [
  {
    name: 'feat_buyer',
    sqlFile: 'export_feat_buyer.sql',
    reads: ['feat_buyer_history'],
    description: 'Buyer feature mart of the as-of week: one row per active buyer.',
  },
  {
    name: 'feat_merchant',
    sqlFile: 'export_feat_merchant.sql',
    reads: ['feat_merchant_history'],
    description: 'Merchant feature mart of the as-of week: one row per merchant.',
  },
  {
    name: 'buyer_groups',
    sqlFile: 'export_buyer_groups.sql',
    reads: ['buyer_groups'],
    description: 'Linked-account groups of the as-of week (accounts sharing device, address or payment keys).',
  },
  {
    name: 'score_buyer',
    sqlFile: 'export_score_buyer.sql',
    reads: ['score_buyer_history'],
    description: 'Refund-only abuse risk per buyer of the as-of week, with tier and reasons.',
  },
  {
    name: 'score_merchant',
    sqlFile: 'export_score_merchant.sql',
    reads: ['score_merchant_history'],
    description: 'Trust per merchant of the as-of week, with tier and component sub-scores.',
  },
  {
    name: 'risk_queue',
    sqlFile: 'export_risk_queue.sql',
    reads: ['risk_queue_history'],
    description: 'The ranked review queue of the as-of week, sized to review capacity.',
  },
  {
    name: 'investigate_requests',
    sqlFile: 'export_investigate_requests.sql',
    reads: ['risk_queue_history', 'score_buyer_history', 'buyer_groups', 'refund_requests', 'orders', 'investigations'],
    description: `Refund requests of the last ${INVESTIGATE_LOOKBACK_DAYS} days by queued or high-risk buyers and the members of their linked groups.`,
  },
  {
    name: 'replay_requests',
    sqlFile: 'export_replay_requests.sql',
    reads: ['score_buyer_history', 'score_merchant_history', 'refund_requests', 'orders', 'investigations'],
    description:
      'Refund requests of the replay weeks with amount, kind, category, the buyer risk and merchant tier scored before each request, ' +
      'and whether the buyer is a confirmed abuser (investigations closed before the as-of date).',
  },
  {
    name: 'sim_results',
    sqlFile: 'export_sim_results.sql',
    reads: ['sim_results'],
    description:
      'Policy replay results (scenario, week, segment, metric, value, 95% interval) of the year up to the as-of date.',
  },
];
