// `trustlens export`: writes the as-of week's feature marts, scores, queue, groups and replay inputs as Parquet for
// analysts and notebooks.
import { defineCommand, opt } from '../defineCommand.ts';

export const exportCommand = defineCommand({
  name: 'export',
  summary:
    "Write the as-of week's feature marts, scores, risk queue, buyer groups, replay inputs and simulation results as Parquet, with manifest.json.",
  details:
    'The analyst notebooks (`npm run notebooks`) read the newest export under <reportsDir>/*/data/. ' +
    'Datasets whose warehouse tables do not exist yet are skipped with a warning and listed in manifest.json under "skipped".',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Week to export (the as-of date of the run).',
      schema: opt.date,
      required: true,
    },
    {
      flag: 'out',
      value: 'DIR',
      description: 'Folder to write into.',
      schema: opt.path.optional(),
      defaultText: '<reportsDir>/<as-of>/data',
    },
  ],
  examples: [
    {
      command: 'trustlens export --as-of 2026-11-02',
      note: 'Parquet for the notebooks under reports/out/2026-11-02/data/',
    },
  ],
  handler: async () => (await import('../../export/runExport.ts')).runExport,
});
