// `trustlens evaluate`: the quality bar of scores and policies against a synthetic marketplace's ground truth.
import { defineCommand, opt } from '../defineCommand.ts';

export const evaluateCommand = defineCommand({
  name: 'evaluate',
  summary: "Measure scores (and policy replays) as of a date against the generator's ground truth and print the quality bar.",
  details:
    'Needs `trustlens score --as-of DATE` first. Truth is the truth/ folder `trustlens generate` writes (buyers, merchants, refund_requests), ' +
    'not the investigation labels. Prints one line per check with PASS/FAIL; --strict exits with code 2 when a check fails.',
  options: [
    { flag: 'as-of', value: 'DATE', description: 'Date the scores were computed as of.', schema: opt.date, required: true },
    { flag: 'truth', value: 'DIR', description: 'Generated folder (or its truth/ folder).', schema: opt.path, required: true, input: 'dir' },
    { flag: 'skip-policies', description: 'Only the model checks, not the policy replays.', schema: opt.flag },
    { flag: 'strict', description: 'Fail (exit 2) when any check fails.', schema: opt.flag },
  ],
  examples: [{ command: 'trustlens evaluate --as-of 2026-11-02 --truth data/generated/default --strict', note: 'the quality bar; exit 2 if a check fails' }],
  handler: async () => (await import('../../evaluate/runEvaluate.ts')).runEvaluate,
});
