// A generated marketplace delivered the way most real ones arrive: buyers, merchants, orders and reviews only, the rest
// declared absent; the first weekly run scores it (no labels: starter models) and merchant trust is judged against
// truth.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { OptionalTable } from '../../data/contracts/index.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { generateMarketplace } from '../../data/synthetic/generateMarketplace.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { runWeeklyOn } from '../run/runWeekly.ts';
import { qualityBar } from './qualityBar.ts';
import type { QualityLine } from './qualityLine.ts';

/** Sources the scenario declares absent: the "only orders, reviews and merchants" export. */
export const SCENARIO_ABSENT: readonly OptionalTable[] = [
  'refund_requests',
  'service_tickets',
  'merchant_actions',
  'investigations',
];

export interface AbsentSourcesOptions {
  seed: number;
  buyers: number;
  merchants: number;
  weeks: number;
  /** Work folder: data/ (generated, with truth/), delivery.yaml, warehouse.duckdb, artifacts/, reports/. */
  dir: string;
  config: TrustlensConfig;
  log: Logger;
}

export function absentSourcesMapping(absent: readonly OptionalTable[] = SCENARIO_ABSENT): string {
  const delivered = ['buyers', 'merchants', 'orders', 'reviews'].map((t) => `  ${t}: { files: ${t}.parquet }`);
  return [
    'description: generated marketplace delivered with only buyers, merchants, orders and reviews',
    'tables:',
    ...delivered,
    `absent: [${absent.join(', ')}]`,
    '',
  ].join('\n');
}

/** The quality-bar lines of merchant trust (section renamed), plus which model scored. */
export async function evaluateAbsentSources(o: AbsentSourcesOptions): Promise<QualityLine[]> {
  mkdirSync(o.dir, { recursive: true });
  const data = join(o.dir, 'data');
  const end = o.config.generate.end;
  const { seed, buyers, merchants, weeks } = o;
  await o.log.step(`generate seed ${seed} (${buyers} buyers, ${merchants} merchants, ${weeks} weeks)`, () =>
    generateMarketplace({ seed, buyers, merchants, weeks, end, format: 'parquet', out: data }),
  );
  const mapping = join(o.dir, 'delivery.yaml');
  writeFileSync(mapping, absentSourcesMapping());
  const config: TrustlensConfig = {
    ...o.config,
    artifactsDir: join(o.dir, 'artifacts'),
    reportsDir: join(o.dir, 'reports'),
    dataDir: data,
  };
  const wh = await Warehouse.open({ path: join(o.dir, 'warehouse.duckdb'), memoryLimit: config.memoryLimit });
  try {
    const run = await o.log.step('weekly run, sources absent', () =>
      runWeeklyOn(wh, { asOf: end, from: data, mapping, retrain: false }, { config, log: o.log }),
    );
    const section = `merchant trust, ${SCENARIO_ABSENT.join(' + ')} absent`;
    const lines = (await qualityBar(wh, end, data, config)).filter((l) => l.section === 'merchant trust');
    return [
      {
        section,
        check: 'model that scored',
        value: null,
        target: '',
        pass: null,
        note: `${run.score.merchantModelSource} merchant-trust model`,
      },
      ...lines.map((l) => ({ ...l, section })),
    ];
  } finally {
    wh.close();
  }
}
