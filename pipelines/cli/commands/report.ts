// `trustlens report`: writes the weekly HTML reports (trust, risk queue + CSV, policy impact, model card) for one as-of
// date.
import { CONFIG_DEFAULTS } from '../../../data/config/configSchema.ts';
import { defineCommand, opt } from '../defineCommand.ts';

export const reportCommand = defineCommand({
  name: 'report',
  summary:
    'Write self-contained HTML reports (and their CSVs) for a week: weekly trust, risk queue, policy impact, model card, merchant operations.',
  details:
    'Reads the contract tables, score and simulation outputs and model artifacts; a stage that has not run yet shows as a notice on its page. ' +
    'Pages need no script or network; the folder is replaced atomically, and one holding anything but reports is refused.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Week to report: the week ends just before this date.',
      schema: opt.date,
      required: true,
    },
    {
      flag: 'out',
      value: 'DIR',
      description: 'Folder to write the reports into.',
      schema: opt.path.optional(),
      defaultText: `<config reportsDir>/<DATE> (${CONFIG_DEFAULTS.reportsDir}/<DATE>)`,
    },
    {
      flag: 'weekday-ok',
      description: "Go ahead when --as-of is not on the weekday of the warehouse's scored weeks.",
      schema: opt.flag,
    },
  ],
  examples: [
    { command: 'trustlens report --as-of 2026-11-02', note: 'write reports/out/2026-11-02/' },
    { command: 'trustlens report --as-of 2026-11-02 --out /tmp/reports', note: 'somewhere else' },
  ],
  handler: async () => async (options, ctx) => {
    const { runReport } = await import('../../report/runReport.ts');
    await runReport(options, ctx);
  },
});
