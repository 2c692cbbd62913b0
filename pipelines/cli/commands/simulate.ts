// `trustlens simulate`: replays refund policies on the refund requests of a window and stores scenario results.
import { z } from 'zod';
import { MAX_BOOTSTRAP } from '../../../data/config/limits.ts';
import { configDefault, defineCommand, opt } from '../defineCommand.ts';

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary:
    'Replay refund policies on past refund requests: abuse stopped, honest buyers burdened, merchant and review cost, with 95% intervals.',
  details:
    'Each request is judged with the buyer and merchant scores as they were just before it (point in time). Results go to sim_results ' +
    '(rerunning a scenario and date replaces its rows) and print side by side against status-quo. Policy format: data/policies/README.md.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Replay the weeks ending just before this date.',
      schema: opt.date,
      required: true,
    },
    {
      flag: 'weeks',
      value: 'N',
      description: 'Weeks of refund requests to replay.',
      schema: opt.count.optional(),
      defaultText: configDefault('simulate.weeks'),
    },
    {
      flag: 'policy',
      value: 'FILE',
      description: 'Policy file (YAML or JSON); repeat for several scenarios.',
      schema: z.array(opt.path).optional(),
      repeatable: true,
      input: 'file',
      defaultText: 'config simulate.policies (the five in data/policies/)',
    },
    {
      flag: 'weekday-ok',
      description: "Go ahead when --as-of is not on the weekday of the warehouse's scored weeks.",
      schema: opt.flag,
    },
    {
      flag: 'bootstrap',
      value: 'N',
      description: 'Bootstrap replicates over buyers for the intervals.',
      schema: opt.count
        .max(MAX_BOOTSTRAP, `must be at most ${MAX_BOOTSTRAP.toLocaleString('en')}, as config simulate.bootstrap`)
        .optional(),
      defaultText: configDefault('simulate.bootstrap'),
    },
    {
      flag: 'seed',
      value: 'N',
      description: 'Seed of the bootstrap.',
      schema: opt.seed.optional(),
      defaultText: configDefault('simulate.seed'),
    },
  ],
  examples: [
    { command: 'trustlens simulate --as-of 2026-11-02', note: 'the configured policies on the last 12 weeks' },
    {
      command: 'trustlens simulate --as-of 2026-11-02 --policy data/policies/status-quo.yaml --policy my-policy.yaml',
      note: 'your policy against the baseline',
    },
  ],
  handler: async () => (await import('../../simulate/runSimulate.ts')).runSimulate,
});
