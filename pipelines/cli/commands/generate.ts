// `trustlens generate`: writes the seeded synthetic marketplace in the input contracts, plus ground truth.
import { z } from 'zod';
import { OUTPUT_FORMATS } from '../../../data/synthetic/generateOptions.ts';
import { configDefault, defineCommand, opt } from '../defineCommand.ts';

export const generateCommand = defineCommand({
  name: 'generate',
  summary: 'Write a seeded synthetic marketplace (the eight contract tables plus truth/) to a folder.',
  details:
    'History covers --weeks weeks ending just before --end: no event is on or after that date, so `--as-of <end>` sees all of it. ' +
    'Same seed and options give the same rows.',
  options: [
    {
      flag: 'out',
      value: 'DIR',
      description: 'Folder to write <table>.<ext> and truth/ into.',
      schema: opt.path,
      required: true,
    },
    {
      flag: 'seed',
      value: 'N',
      description: 'Random seed.',
      schema: opt.seed.optional(),
      defaultText: configDefault('generate.seed'),
    },
    {
      flag: 'buyers',
      value: 'N',
      description: 'Number of buyers.',
      schema: opt.count.optional(),
      defaultText: configDefault('generate.buyers'),
    },
    {
      flag: 'merchants',
      value: 'N',
      description: 'Number of merchants.',
      schema: opt.count.optional(),
      defaultText: configDefault('generate.merchants'),
    },
    {
      flag: 'weeks',
      value: 'N',
      description: 'Weeks of history.',
      schema: opt.count.optional(),
      defaultText: configDefault('generate.weeks'),
    },
    {
      flag: 'end',
      value: 'DATE',
      description: 'History ends just before this date.',
      schema: opt.date.optional(),
      defaultText: configDefault('generate.end'),
    },
    {
      flag: 'format',
      value: 'FORMAT',
      description: `${OUTPUT_FORMATS.slice(0, -1).join(', ')} or ${OUTPUT_FORMATS.at(-1)}.`,
      schema: z.enum(OUTPUT_FORMATS).default(OUTPUT_FORMATS[0]),
      defaultText: OUTPUT_FORMATS[0],
    },
  ],
  examples: [
    {
      command: 'trustlens generate --out data/generated/small --buyers 2000 --merchants 100',
      note: 'a small marketplace as Parquet',
    },
    { command: 'trustlens generate --out /tmp/csv --format csv --weeks 26', note: 'half a year as CSV' },
  ],
  handler: async () => (await import('../../generate/runGenerate.ts')).runGenerate,
});
