// Which stage writes which warehouse tables and which tables a stage cannot run without: one check, one message.
import { TABLE_NAMES } from '../../data/contracts/index.ts';
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { PUBLISHED_FEATURES } from '../features/featureModels.ts';
import { SCORE_OUTPUTS } from '../score/publishScores.ts';

/** The stages that write warehouse tables, with the command that runs each alone. */
export const STAGE_OUTPUTS = {
  ingest: { command: 'trustlens ingest --from DIR', tables: TABLE_NAMES },
  features: {
    command: 'trustlens features --as-of DATE',
    tables: PUBLISHED_FEATURES.flatMap((f) => (f.current ? [f.table, f.history] : [f.history])),
  },
  score: { command: 'trustlens score --as-of DATE', tables: SCORE_OUTPUTS.flatMap((o) => [o.current, o.history]) },
  simulate: { command: 'trustlens simulate --as-of DATE', tables: ['sim_results'] },
} as const satisfies Record<string, { command: string; tables: readonly string[] }>;

export type ProducingStage = keyof typeof STAGE_OUTPUTS;

/**
 * Tables each stage cannot start without. Inputs a stage can do without (last week's scores, linked-account groups)
 * are not listed: the stage warns and carries on.
 */
const STAGE_NEEDS = {
  // every staging model reads one contract table
  features: TABLE_NAMES,
  simulate: ['refund_requests', 'orders', 'buyers', 'investigations'],
  report: ['orders', 'refund_requests', 'merchants'],
} as const satisfies Record<string, readonly string[]>;

/** The weekly run checks, once ingest is done, what every later stage will need. */
const RUN_STAGES = ['features', 'simulate', 'report'] as const satisfies readonly (keyof typeof STAGE_NEEDS)[];

export type NeedingStage = keyof typeof STAGE_NEEDS | 'run';

export function tablesNeeded(stage: NeedingStage): readonly string[] {
  if (stage === 'run') return [...new Set(RUN_STAGES.flatMap((s) => STAGE_NEEDS[s]))];
  return STAGE_NEEDS[stage];
}

/** The stage that writes `table`, or undefined for a table no stage writes. */
export function producerOf(table: string): ProducingStage | undefined {
  return (Object.keys(STAGE_OUTPUTS) as ProducingStage[]).find((s) =>
    (STAGE_OUTPUTS[s].tables as readonly string[]).includes(table),
  );
}

/** Throws a UserError naming every missing table and the command that writes it, before the stage does any work. */
export async function requireTables(wh: Warehouse, stage: NeedingStage): Promise<void> {
  const missing: string[] = [];
  for (const t of tablesNeeded(stage)) if (!(await wh.tableExists(t))) missing.push(t);
  if (missing.length === 0) return;
  const commands = [
    ...new Set(
      missing
        .map((t) => producerOf(t))
        .filter((s) => s !== undefined)
        .map((s) => `\`${STAGE_OUTPUTS[s].command}\``),
    ),
  ];
  throw new UserError(
    `${stage}: warehouse ${wh.path} has no table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; run ${commands.join(' and ')} first`,
  );
}
