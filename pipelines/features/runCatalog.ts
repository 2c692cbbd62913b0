// Handler of `trustlens catalog`: prints the feature catalogue as Markdown or JSON on stdout.
import type { CommandContext } from '../cli/defineCommand.ts';
import { catalogMarkdown } from './catalogMarkdown.ts';
import { FEATURE_TABLES, NULL_POLICY, featureCatalog } from './featureCatalog.ts';

export interface CatalogOptions {
  format: 'markdown' | 'json';
  table?: (typeof FEATURE_TABLES)[number];
}

export async function runCatalog(options: CatalogOptions, _ctx: CommandContext): Promise<void> {
  const catalog = featureCatalog();
  const tables = options.table ? [options.table] : [...FEATURE_TABLES];
  if (options.format === 'json') {
    const picked = Object.fromEntries(tables.map((t) => [t, catalog[t]]));
    process.stdout.write(JSON.stringify({ null_policy: NULL_POLICY, tables: picked }, null, 2) + '\n');
    return;
  }
  process.stdout.write(catalogMarkdown(catalog, tables));
}
