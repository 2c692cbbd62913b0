// `trustlens evaluate`: the quality bar of scores and policies against a synthetic marketplace's ground truth, on one
// warehouse or over seeds.
import { z } from 'zod';
import { defineCommand, opt } from '../defineCommand.ts';

const SIZES = ['12k', '20k'] as const;

export const evaluateCommand = defineCommand({
  name: 'evaluate',
  summary:
    "Measure scores (and policy replays) against the generator's ground truth and print the quality bar: on this warehouse, or over several generated marketplaces.",
  details:
    'With --as-of and --truth: needs `trustlens score --as-of DATE` first; truth is the truth/ folder `trustlens generate` writes (buyers, merchants, refund_requests), ' +
    'not the investigation labels; one line per check with PASS/FAIL. With --seeds: every seed at every --sizes is generated into a temp folder, ' +
    'given the first weekly run `npm start` does, and measured; prints one row per marketplace, the minimum and mean, and the targets ' +
    '(precision@capacity ≥ 0.90 on average and ≥ 0.85 at every seed, PR-AUC ≥ 2× the best rule, merchant trust ROC-AUC ≥ 0.92, request-gated ≥ 60% ' +
    'stopped for ≤ 2.5% added burden, ≥ 65% / ≤ 2% on the default marketplace). About 3 minutes of two cores per marketplace at 20k buyers. ' +
    '--strict exits with code 2 when a check fails.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Date the scores were computed as of (single-warehouse mode).',
      schema: opt.date.optional(),
    },
    {
      flag: 'truth',
      value: 'DIR',
      description: 'Generated folder (or its truth/ folder) of this warehouse.',
      schema: opt.path.optional(),
      input: 'dir',
    },
    {
      flag: 'seeds',
      value: 'LIST',
      description: 'Generator seeds to evaluate, comma-separated (multi-seed mode), e.g. 42,97,7,1234,2027.',
      schema: z
        .string()
        .regex(/^-?\d+(,-?\d+)*$/, 'must be whole numbers separated by commas, e.g. 42,97,7')
        .transform((s) => s.split(',').map(Number))
        .optional(),
    },
    {
      flag: 'sizes',
      value: 'LIST',
      description:
        'Marketplace sizes for --seeds: 12k (12,000 buyers, 400 merchants, 40 weeks) and/or 20k (20,000, 1,000, 52 weeks).',
      schema: z
        .string()
        .transform((s) => s.split(',').map((x) => x.trim()))
        .pipe(z.array(z.enum(SIZES, { error: `must be ${SIZES.join(' or ')}` })))
        .optional(),
      defaultText: '12k,20k',
    },
    {
      flag: 'keep',
      value: 'DIR',
      description:
        'With --seeds: keep each marketplace (data, warehouse, artifacts) under this folder, as <size>-seed<seed>/. Run again with the same folder, an interrupted evaluation resumes: a marketplace whose weekly run completed (run-complete.json) is measured again, not regenerated; one left half-way is started over.',
      schema: opt.path.optional(),
      defaultText: 'a temp folder, removed',
    },
    {
      flag: 'absent-sources',
      description:
        'With --seeds: deliver each marketplace with only buyers, merchants, orders and reviews (refund_requests, service_tickets, merchant_actions and investigations declared absent), so the first run scores with the starter models, and judge merchant trust against every single-feature rule (ROC-AUC ≥ the best rule − 0.01).',
      schema: opt.flag,
    },
    { flag: 'skip-policies', description: 'Only the model checks, not the policy replays.', schema: opt.flag },
    { flag: 'strict', description: 'Fail (exit 2) when any check fails.', schema: opt.flag },
  ],
  examples: [
    {
      command: 'trustlens evaluate --as-of 2026-11-02 --truth data/generated/default --strict',
      note: 'the quality bar; exit 2 if a check fails',
    },
    {
      command: 'trustlens evaluate --as-of 2026-11-02 --seeds 42,97 --sizes 12k',
      note: 'the quality bar over two generated marketplaces',
    },
  ],
  handler: async () => (await import('../../evaluate/runEvaluate.ts')).runEvaluate,
});
