// `npm run starter-models`: generates the synthetic marketplace, trains both models on it with masked-source copies,
// and writes models/starter/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import { generateMarketplace } from '../../../data/synthetic/generateMarketplace.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { MODEL_SPECS } from '../../../models/specs/index.ts';
import { SHIPPED_STARTER_DIR, starterArtifactPath } from '../../../models/registry/resolveModel.ts';
import { ingestInto } from '../../ingest/runIngest.ts';
import { trainModels } from '../trainModels.ts';
import { withMaskedSources } from './maskSources.ts';
import { problemMerchants, withTruthLabels } from './truthLabels.ts';
import { starterModelCard } from './modelCard.ts';
import {
  STARTER_LABEL_DEFINITIONS,
  STARTER_MARKETPLACE,
  STARTER_MAX_DEPTH,
  STARTER_MODELS,
  STARTER_TRAINING,
} from './starterSettings.ts';

async function main(): Promise<void> {
  const arg = (flag: string) =>
    process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined;
  const out = arg('--out') ?? SHIPPED_STARTER_DIR;
  // --work DIR keeps the generated marketplace and its warehouse there, and reuses them on the next build.
  const kept = arg('--work');
  const log = createLogger({ verbosity: 'normal' });
  const work = kept ?? mkdtempSync(join(tmpdir(), 'trustlens-starter-'));
  try {
    const data = join(work, 'data');
    if (!existsSync(join(data, 'orders.parquet'))) {
      await log.step('generate the synthetic marketplace', () =>
        generateMarketplace({ ...STARTER_MARKETPLACE, format: 'parquet', out: data }),
      );
    }
    const wh = await Warehouse.open({ path: join(work, 'warehouse.duckdb'), memoryLimit: '4GB' });
    try {
      await log.step('ingest', () => ingestInto(wh, { from: data, knownAt: STARTER_MARKETPLACE.end }, log));
      const config = configSchema.parse({ artifactsDir: join(work, 'artifacts'), training: STARTER_TRAINING });
      const specs = Object.fromEntries(
        STARTER_MODELS.map((m) => [
          m,
          {
            ...MODEL_SPECS[m],
            labelDefinition: STARTER_LABEL_DEFINITIONS[m] ?? MODEL_SPECS[m].labelDefinition,
            // the starter's tree count, not the weekly spec's own (merchant-trust: 500), so the files stay small
            nTrees: STARTER_TRAINING.nTrees,
            forest: { ...MODEL_SPECS[m].forest, maxDepth: STARTER_MAX_DEPTH[m] },
          },
        ]),
      );
      const problems = await problemMerchants(wh, data);
      const trained = await trainModels(wh, STARTER_MARKETPLACE.end, config, log, {
        models: STARTER_MODELS,
        specs,
        augment: (spec, rows) => withMaskedSources(spec, withTruthLabels(spec, rows, problems)),
      });
      for (const t of trained) {
        const target = starterArtifactPath(out, t.artifact.model);
        mkdirSync(join(out, t.artifact.model), { recursive: true });
        copyFileSync(t.path, target);
        const bytes = statSync(target).size;
        writeFileSync(join(out, t.artifact.model, 'MODEL_CARD.md'), starterModelCard(t.artifact, bytes));
        log.info(`${target}: ${(bytes / 1024).toFixed(0)} KiB`);
      }
    } finally {
      wh.close();
    }
  } finally {
    if (!kept) rmSync(work, { recursive: true, force: true });
  }
}

await main();
