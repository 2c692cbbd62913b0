// The generator's build steps in dependency order: setup (macros, parameters, vocabularies), then one work table per
// entity.
export interface WorkStep {
  /** Query file under data/synthetic/sql/. */
  sql: string;
  /** Work table it creates, counted for progress; absent for macros. */
  table?: string;
  /** Bind the run parameters ($seed, $n_buyers, ...) or the archetype JSON. */
  params?: 'run' | 'archetypes';
}

export const WORK_STEPS: readonly WorkStep[] = [
  { sql: 'macro_u' },
  { sql: 'macro_z' },
  { sql: 'macro_exp' },
  { sql: 'macro_ts' },
  { sql: 'macro_peak' },
  { sql: 'macro_bad_week' },
  { sql: 'macro_strain' },
  { sql: 'w_params', table: 'w_params', params: 'run' },
  { sql: 'w_archetypes', table: 'w_archetypes', params: 'archetypes' },
  { sql: 'w_categories', table: 'w_categories' },
  { sql: 'w_category_slots', table: 'w_category_slots' },
  { sql: 'w_review_texts', table: 'w_review_texts' },
  { sql: 'w_merchants', table: 'w_merchants' },
  { sql: 'w_merchant_pick', table: 'w_merchant_pick' },
  { sql: 'w_merchant_pick_groups', table: 'w_merchant_pick_groups' },
  { sql: 'w_buyers', table: 'w_buyers' },
  { sql: 'w_orders', table: 'w_orders' },
  { sql: 'w_requests', table: 'w_requests' },
  { sql: 'w_reviews', table: 'w_reviews' },
  { sql: 'w_tickets', table: 'w_tickets' },
  { sql: 'w_actions', table: 'w_actions' },
  { sql: 'w_investigations', table: 'w_investigations' },
];
