// `trustlens ingest`: contract-checks raw files and loads them into the warehouse, quarantining bad rows.
import { defineCommand, opt } from '../defineCommand.ts';

export const ingestCommand = defineCommand({
  name: 'ingest',
  summary:
    'Load the eight contract tables from CSV, Parquet or NDJSON files into the warehouse, quarantining rows that break their contract.',
  details:
    'Every load is a batch in load_batches; per table, rows read = inserted + updated + unchanged + quarantined. A row delivered again with a ' +
    'changed mutable column (a status, a decision, a resolution) is updated and its old version kept in <table>_versions; a changed immutable ' +
    'column is quarantined as a conflict. Ingesting the same files twice changes nothing, and a load that fails leaves the warehouse as it was.',
  options: [
    {
      flag: 'from',
      value: 'DIR',
      description: 'Folder holding <table>.csv|.parquet|.ndjson files.',
      schema: opt.path,
      required: true,
      input: 'dir',
    },
    {
      flag: 'mapping',
      value: 'FILE',
      description: 'Column-mapping file (JSON or YAML) for data of another shape.',
      schema: opt.path.optional(),
      input: 'file',
    },
    {
      flag: 'as-of',
      value: 'DATE',
      description:
        'The date the data is as of: timestamps config ingest.yearsAhead (10) years after it or later are quarantined as implausible.',
      schema: opt.date.optional(),
      defaultText: 'today',
    },
    {
      flag: 'known-at',
      value: 'DATE',
      description:
        'Date this delivery became known: features, labels and replays as of an earlier date do not see the changes it brings.',
      defaultText: "--as-of when given, else the day after each table's newest event (at the latest today)",
      schema: opt.date.optional(),
    },
  ],
  examples: [
    {
      command: 'trustlens ingest --from deliveries/2026-11-09',
      note: "load a week's files (already-loaded files are skipped)",
    },
    {
      command:
        'trustlens ingest --from data/mappings/marketplace-export --mapping data/mappings/marketplace-export.yaml',
      note: 'data of another shape, through a mapping',
    },
  ],
  handler: async () => (await import('../../ingest/runIngest.ts')).runIngest,
});
