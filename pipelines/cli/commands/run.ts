// `trustlens run`: the weekly run, every stage in order with timings and a closing summary.
import { defineCommand, opt } from '../defineCommand.ts';

export const runCommand = defineCommand({
  name: 'run',
  summary:
    'The weekly run: ingest new files, features, train when the models are stale, score, govern merchants, simulate the configured policies, report and export.',
  details:
    "Stages run in order and are timed; one that fails stops the run with its cause and leaves the previous week's outputs in place " +
    '(every stage publishes in one transaction or by atomic rename). A warehouse without scores for the simulated weeks gets them first ' +
    "(each past week scored by a model trained no later than it). Rerunning a week replaces that week's results only. " +
    'A second run on the same warehouse refuses to start while one is active.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: "The week's date: every stage sees only events before it.",
      schema: opt.date,
      required: true,
    },
    {
      flag: 'from',
      value: 'DIR',
      description: "Folder with this week's contract files; files already loaded are skipped.",
      schema: opt.path.optional(),
      defaultText: 'config dataDir if it exists',
      input: 'dir',
    },
    {
      flag: 'mapping',
      value: 'FILE',
      description: 'Column-mapping file for data of another shape (see ingest).',
      schema: opt.path.optional(),
      input: 'file',
    },
    { flag: 'retrain', description: 'Retrain every model even if it is fresh.', schema: opt.flag },
    {
      flag: 'weekday-ok',
      description: "Go ahead when --as-of is not on the weekday of the warehouse's scored weeks.",
      schema: opt.flag,
    },
    {
      flag: 'timings',
      value: 'FILE',
      description: 'Also write the stage timings (seconds, peak RSS) as JSON, on failure too.',
      schema: opt.path.optional(),
    },
  ],
  examples: [
    {
      command: 'trustlens run --as-of 2026-11-09 --from deliveries/2026-11-09',
      note: "next Monday's week with that week's files",
    },
    { command: 'trustlens run --as-of 2026-11-02 --timings timings.json', note: 'rerun a week, writing stage timings' },
  ],
  handler: async () => (await import('../../run/runRun.ts')).runRun,
});
