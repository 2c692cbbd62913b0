// Hook to the simulator's truth check (pipelines/simulate/evaluatePolicies.ts): policy replays as quality-bar lines.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { loadPolicies } from '../simulate/policy/loadPolicy.ts';
import {
  evaluatePolicies,
  passesRequestGated,
  passesTruthCheck,
  REQUEST_GATED_BAR,
} from '../simulate/evaluatePolicies.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { QualityLine } from './qualityLine.ts';

/**
 * The simulator owns the policy checks and their pass rule; a failure there is reported as a line, not a crash of the
 * whole bar.
 */
export async function policyLines(
  wh: Warehouse,
  asOf: string,
  truthDir: string,
  config: TrustlensConfig,
  log: Logger,
): Promise<QualityLine[]> {
  const s = 'policies';
  try {
    const rows = await evaluatePolicies(wh, {
      asOf,
      weeks: config.simulate.weeks,
      truthDir,
      policies: loadPolicies(config.simulate.policies),
      log,
      artifactsDir: config.artifactsDir,
    });
    const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
    const bars: Record<string, { target: string; pass: (r: (typeof rows)[number]) => boolean }> = {
      'risk-gated': { target: '≥ 0.5, added burden < 5%', pass: passesTruthCheck },
      'request-gated': {
        target: `≥ ${REQUEST_GATED_BAR.stopped}, added burden ≤ ${pct(REQUEST_GATED_BAR.addedBurden)}`,
        pass: (r) => passesRequestGated(r),
      },
    };
    // request-gated and risk-gated first, side by side; then the others.
    const order = (x: string) => (x === 'request-gated' ? 0 : x === 'risk-gated' ? 1 : 2);
    return [...rows]
      .sort((a, b) => order(a.scenario) - order(b.scenario) || a.scenario.localeCompare(b.scenario))
      .map((r) => ({
        section: s,
        check: `${r.scenario}: abusive refund-only money stopped`,
        value: r.shareStopped,
        target: bars[r.scenario]?.target ?? '',
        pass: bars[r.scenario]?.pass(r) ?? null,
        note: `honest burdened ${pct(r.honestBurdenedShare)} (added ${pct(r.honestBurdenedAddedShare)})`,
        key: `stopped:${r.scenario}`,
      }));
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return [
      {
        section: s,
        check: 'policy replay against truth',
        value: null,
        target: '',
        pass: null,
        note: `skipped: ${msg}`,
      },
    ];
  }
}
