// The penalty ladder's quality-bar lines: precision of suspension/closure and recall of problem merchants within 4
// weeks.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { addDays } from '../../data/time/isoDate.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { findTruthFile } from './loadTruth.ts';
import type { QualityLine } from './qualityLine.ts';

interface LadderRow extends Record<string, unknown> {
  merchant_id: string;
  archetype: string;
  is_problem: boolean;
  severe: boolean;
  severe_now: boolean;
  turned_bad: boolean;
  level_within_4_weeks: number | null;
  orders_4_weeks: bigint | null;
}

const share = (hits: number, of: number) => (of ? hits / of : null);

/** Reads truth/merchants (with problem_since) into the temp table eval_truth_ladder. */
async function loadLadderTruth(wh: Warehouse, dir: string): Promise<void> {
  const merchants = findTruthFile(dir, 'merchants');
  // The reader is one of findTruthFile's constants; the path is bound.
  await wh.run(
    `create or replace temp table eval_truth_ladder as select cast(merchant_id as varchar) as merchant_id, cast(archetype as varchar) as archetype, ` +
      `cast(is_problem as boolean) as is_problem, cast(problem_since as timestamp) as problem_since from ${merchants.reader}($path)`,
    { path: merchants.path },
  );
}

/**
 * Precision: of merchants recommended suspension or closure in any week of the ladder's history, the share the
 * generator marks as problem merchants. Recall: of problem merchants turning bad within that history (and at least
 * 4 weeks before the date), the share the ladder gave at least a warning within 4 weeks of problem_since.
 */
export async function ladderLines(
  wh: Warehouse,
  asOf: string,
  truthDir: string,
  config: TrustlensConfig,
): Promise<QualityLine[]> {
  const s = 'merchant ladder';
  if (!(await wh.tableExists('merchant_actions_recommended'))) {
    return [
      {
        section: s,
        check: 'penalty ladder',
        value: null,
        target: '',
        pass: null,
        note: `no recommendations yet; run \`trustlens govern --as-of ${asOf}\``,
      },
    ];
  }
  await loadLadderTruth(wh, truthDir);
  const firstWeek = addDays(asOf, -7 * (config.govern.historyWeeks - 1));
  const rows = await wh.all<LadderRow>(readSql(new URL('./sql/eval_ladder.sql', import.meta.url)), {
    as_of: asOf,
    first_week: firstWeek,
  });
  const severe = rows.filter((r) => r.severe);
  const severeNow = rows.filter((r) => r.severe_now);
  const turned = rows.filter((r) => r.turned_bad);
  const warned = turned.filter((r) => (r.level_within_4_weeks ?? 0) >= 1);
  const precision = share(severe.filter((r) => r.is_problem).length, severe.length);
  const recall = share(warned.length, turned.length);
  const quiet = turned.filter((r) => Number(r.orders_4_weeks ?? 0) < 5);
  const notProblem = rows.filter((r) => !r.is_problem);
  const byArchetype = [...new Set(turned.map((r) => r.archetype))]
    .sort()
    .map((a) => {
      const of = turned.filter((r) => r.archetype === a);
      return `${a} ${of.filter((r) => (r.level_within_4_weeks ?? 0) >= 1).length}/${of.length}`;
    })
    .join(', ');
  return [
    {
      section: s,
      check: 'suspension/closure: share that are problem merchants',
      value: precision,
      target: '≥ 0.80',
      pass: precision === null ? null : precision >= 0.8,
      note: `${severe.length - severe.filter((r) => r.is_problem).length} of ${severe.length} merchants are not (weeks ${firstWeek} … ${asOf})`,
    },
    {
      section: s,
      check: 'problem merchants warned within 4 weeks of turning bad',
      value: recall,
      target: '≥ 0.80',
      pass: recall === null ? null : recall >= 0.8,
      note: `${warned.length} of ${turned.length}: ${byArchetype}`,
    },
    {
      section: s,
      check: 'suspension/closure this week: share that are problem merchants',
      value: share(severeNow.filter((r) => r.is_problem).length, severeNow.length),
      target: '',
      pass: null,
      note: `${severeNow.length} merchants`,
    },
    {
      section: s,
      check: 'turned bad with fewer than 5 orders in those 4 weeks',
      value: quiet.length,
      count: true,
      target: '',
      pass: null,
      note: `${quiet.filter((r) => (r.level_within_4_weeks ?? 0) >= 1).length} of them warned; few orders leave too few cases for a verdict`,
    },
    {
      section: s,
      check: 'merchants never problem, ever suspended/closed',
      value: severe.filter((r) => !r.is_problem).length,
      count: true,
      target: '',
      pass: null,
      note: `of ${notProblem.length} not-problem merchants`,
    },
  ];
}
