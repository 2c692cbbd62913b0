// The decision function as a library: load a decider over the warehouse's latest scored week, then decide refund
// requests.
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { loadPolicies, type LoadedPolicy } from '../simulate/policy/loadPolicy.ts';
import type { Policy } from '../simulate/policy/policySchema.ts';
import { createDecider, type Decider, type DecisionLine } from './createDecider.ts';
import { loadDeciderState, type DeciderState } from './deciderState.ts';

export { createDecider, type Decider, type Decision, type DecisionError, type DecisionLine } from './createDecider.ts';
export { loadDeciderState, latestScoredWeek, type DeciderState } from './deciderState.ts';
export { parseRequest, parseRequestLine, type DecideRequest, type InputProblem } from './requestInput.ts';

export interface DeciderOptions {
  /** DuckDB warehouse file; opened read-only and closed again once the week is loaded. */
  warehouse: string;
  artifactsDir: string;
  /** Policy file (YAML or JSON) or an already loaded policy. */
  policy: string | Pick<Policy, 'name' | 'rules' | 'default' | 'settings'>;
  /** Use the latest scored week at or before this date (YYYY-MM-DD); default the latest. */
  asOf?: string;
  /** See config decide.orderDays. */
  orderDays?: number;
}

export function resolvePolicy(
  policy: DeciderOptions['policy'],
): Pick<Policy, 'name' | 'rules' | 'default' | 'settings'> {
  return typeof policy === 'string' ? (loadPolicies([policy])[0] as LoadedPolicy) : policy;
}

/** Reads the held week from the warehouse (read-only; a writer holding the file makes it fail with the reason). */
export async function loadState(o: Omit<DeciderOptions, 'policy'>): Promise<DeciderState> {
  const wh = await Warehouse.open({ path: o.warehouse, readOnly: true });
  try {
    return await loadDeciderState(wh, { asOf: o.asOf, artifactsDir: o.artifactsDir, orderDays: o.orderDays ?? 180 });
  } finally {
    wh.close();
  }
}

/** A decider ready to use: `(await loadDecider(o)).decideValues([...], true)`. */
export async function loadDecider(o: DeciderOptions): Promise<Decider> {
  const policy = resolvePolicy(o.policy);
  return createDecider(await loadState(o), policy);
}

/** One call: decisions (or error lines) for refund requests given as plain objects, in order. */
export async function decide(requests: readonly unknown[], o: DeciderOptions): Promise<DecisionLine[]> {
  return (await loadDecider(o)).decideValues(requests, true);
}
