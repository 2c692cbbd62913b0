// The layered SQL models of the features build, in dependency order: staging → intermediate → features.
import type { FeatureTableName } from './featureCatalog.ts';

export interface SqlModel {
  /** Temp table the model is materialized into. */
  name: string;
  /** Path under pipelines/features/sql/. */
  file: string;
  /** A source table that may be absent (written by a later stage); then `fallback` is used instead. */
  optionalSource?: { table: string; fallback: string };
}

const stg = (source: string): SqlModel => ({ name: `stg_${source}`, file: `staging/stg_${source}.sql` });
const int = (name: string): SqlModel => ({ name, file: `intermediate/${name}.sql` });

export const STAGING_MODELS: readonly SqlModel[] = [
  stg('buyers'),
  stg('merchants'),
  stg('orders'),
  stg('refund_requests'),
  stg('reviews'),
  stg('service_tickets'),
  stg('merchant_actions'),
  stg('investigations'),
  {
    ...stg('score_buyer_history'),
    optionalSource: { table: 'score_buyer_history', fallback: 'staging/stg_score_buyer_history__empty.sql' },
  },
];

export const INTERMEDIATE_MODELS: readonly SqlModel[] = [
  int('int_buyers_flagged'),
  int('int_orders_enriched'),
  int('int_requests_enriched'),
  int('int_reviews_enriched'),
  int('int_tickets_enriched'),
  int('int_merchants_baselined'),
  int('int_buyer_merchants_paired'),
  int('int_buyers_refund_baselined'),
];

/** Temp tables of the linked-account search (groupLinkedAccounts), materialized after INTERMEDIATE_MODELS. */
export const GROUPING_TABLES = [
  'int_buyer_keys_linked',
  'int_buyer_labels',
  'int_buyer_labels_next',
  'int_buyers_grouped',
] as const;

export interface FeatureModel extends SqlModel {
  table: FeatureTableName;
  /** Replaced on every build unless the caller asks for history only. */
  current: boolean;
  history: string;
}

export const FEATURE_MODELS: readonly FeatureModel[] = [
  {
    table: 'feat_buyer',
    name: 'build_feat_buyer',
    file: 'features/feat_buyer.sql',
    current: true,
    history: 'feat_buyer_history',
  },
  {
    table: 'feat_merchant',
    name: 'build_feat_merchant',
    file: 'features/feat_merchant.sql',
    current: true,
    history: 'feat_merchant_history',
  },
  // groups carry their as_of and accumulate, so the risk queue of any week can list its linked accounts
  {
    table: 'buyer_groups',
    name: 'build_buyer_groups',
    file: 'features/buyer_groups.sql',
    current: false,
    history: 'buyer_groups',
  },
];
