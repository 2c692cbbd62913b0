// `trustlens generate`: writes the seeded synthetic marketplace in the input contracts, plus ground truth.
import { z } from 'zod';
import { defineCommand, opt } from '../defineCommand.ts';

export const generateCommand = defineCommand({
  name: 'generate',
  summary: 'Write a seeded synthetic marketplace (the eight contract tables plus truth/) to a folder.',
  details:
    'History covers --weeks weeks ending just before --end: no event is on or after that date, so `--as-of <end>` sees all of it. ' +
    'Same seed and options give the same rows.',
  options: [
    { flag: 'out', value: 'DIR', description: 'Folder to write <table>.<ext> and truth/ into.', schema: opt.path, required: true },
    { flag: 'seed', value: 'N', description: 'Random seed.', schema: opt.seed.optional(), defaultText: 'config generate.seed (42)' },
    { flag: 'buyers', value: 'N', description: 'Number of buyers.', schema: opt.count.optional(), defaultText: 'config generate.buyers (20000)' },
    { flag: 'merchants', value: 'N', description: 'Number of merchants.', schema: opt.count.optional(), defaultText: 'config generate.merchants (1000)' },
    { flag: 'weeks', value: 'N', description: 'Weeks of history.', schema: opt.count.optional(), defaultText: 'config generate.weeks (52)' },
    { flag: 'end', value: 'DATE', description: 'History ends just before this date.', schema: opt.date.optional(), defaultText: 'config generate.end (2026-11-02)' },
    { flag: 'format', value: 'FORMAT', description: 'parquet, csv or ndjson.', schema: z.enum(['parquet', 'csv', 'ndjson']).default('parquet'), defaultText: 'parquet' },
  ],
  examples: [
    { command: 'trustlens generate --out data/generated/small --buyers 2000 --merchants 100', note: 'a small marketplace as Parquet' },
    { command: 'trustlens generate --out /tmp/csv --format csv --weeks 26', note: 'half a year as CSV' },
  ],
  handler: async () => (await import('../../generate/runGenerate.ts')).runGenerate,
});
