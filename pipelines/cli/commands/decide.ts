// `trustlens decide`: decisions for refund requests read as NDJSON, from the active policy and the latest scored week.
import { defineCommand, opt } from '../defineCommand.ts';

export const decideCommand = defineCommand({
  name: 'decide',
  summary:
    'Decide refund requests (NDJSON from a file or stdin) with the active policy and the latest scores: one decision line each on stdout.',
  details:
    'Each line is a refund_requests row: request_id, order_id, requested_at, kind, reason, amount (the other contract columns optional, ignored). ' +
    'A decision names the action, the rule that fired, request risk, buyer risk, merchant trust and up to three reasons; a bad line gets an error ' +
    'line (line number, field, value, rule) and the others are still decided. The warehouse is opened read-only. The same function is the library ' +
    'call `loadDecider` / `decide` in pipelines/decide/decide.ts.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Use the scores of the latest scored week on or before this date.',
      schema: opt.date.optional(),
      defaultText: 'the latest scored week',
    },
    {
      flag: 'policy',
      value: 'FILE',
      description: 'Policy file (YAML or JSON).',
      schema: opt.path.optional(),
      defaultText: 'config decide.policy (data/policies/request-gated.yaml)',
      input: 'file',
    },
    {
      flag: 'input',
      value: 'FILE',
      description: 'NDJSON file of refund requests; - for stdin.',
      schema: opt.path.optional(),
      defaultText: 'stdin',
    },
  ],
  examples: [
    { command: 'trustlens decide --input requests.ndjson', note: 'one decision line per request, latest scored week' },
    {
      command: 'trustlens decide --as-of 2026-11-02 --policy data/policies/request-gated.yaml',
      note: 'requests from stdin, a given week and policy',
    },
  ],
  handler: async () => (await import('../../decide/runDecide.ts')).runDecide,
});
