// Hook to the simulator's truth check (pipelines/simulate/evaluatePolicies.ts): policy replays as quality-bar lines.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { loadPolicies } from '../simulate/policy/loadPolicy.ts';
import { evaluatePolicies, passesTruthCheck } from '../simulate/evaluatePolicies.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { QualityLine } from './qualityLine.ts';

/** The simulator owns the policy checks and their pass rule; a failure there is reported as a line, not a crash of the whole bar. */
export async function policyLines(wh: Warehouse, asOf: string, truthDir: string, config: TrustlensConfig, log: Logger): Promise<QualityLine[]> {
  const s = 'policies';
  try {
    const rows = await evaluatePolicies(wh, { asOf, weeks: config.simulate.weeks, truthDir, policies: loadPolicies(config.simulate.policies), log, artifactsDir: config.artifactsDir });
    const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
    return rows.map((r) => ({
      section: s,
      check: `${r.scenario}: abusive refund-only money stopped`,
      value: r.shareStopped,
      target: r.scenario === 'risk-gated' ? '≥ 0.5, added burden < 5%' : '',
      pass: r.scenario === 'risk-gated' ? passesTruthCheck(r) : null,
      note: `honest burdened ${pct(r.honestBurdenedShare)} (added ${pct(r.honestBurdenedAddedShare)})`,
    }));
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return [{ section: s, check: 'policy replay against truth', value: null, target: '', pass: null, note: `skipped: ${msg}` }];
  }
}
