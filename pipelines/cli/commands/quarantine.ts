// `trustlens quarantine`: the rows ingest set aside, counted by batch, table and reason, or listed for one reason.
import { z } from 'zod';
import { TABLE_NAMES } from '../../../data/contracts/index.ts';
import { defineCommand } from '../defineCommand.ts';

export const quarantineCommand = defineCommand({
  name: 'quarantine',
  summary:
    'Show what ingest quarantined: counts by batch, table and reason, or the rows of one reason with their file and line.',
  details:
    'Without --reason, one line per batch, table, column and reason with its row count and how many of those rows a later batch ' +
    'loaded since (a version of the same key). With --reason, the rows whose reason contains TEXT (any case): file, line (CSV and ' +
    'NDJSON), row, key, column, value, reason and the batch that loaded the fixed row, as a table or CSV. To load fixed rows, write ' +
    'them with the contract columns to <folder>/<table>.csv (or fix a copy of the source file and pass the same --mapping) and run ' +
    '`trustlens ingest --from <folder>` (README: What happens to a bad row). Reads the warehouse only.',
  options: [
    {
      flag: 'batch',
      value: 'N',
      description: 'Only this load batch.',
      schema: z.coerce.number().int('must be a whole number').positive('must be at least 1').optional(),
    },
    { flag: 'table', value: 'TABLE', description: 'Only this contract table.', schema: z.enum(TABLE_NAMES).optional() },
    {
      flag: 'reason',
      value: 'TEXT',
      description: 'List the rows whose reason contains TEXT.',
      schema: z.string().min(1, 'must be some text of a reason').optional(),
    },
    {
      flag: 'format',
      value: 'FORMAT',
      description: 'table or csv (the rows of --reason).',
      schema: z.enum(['table', 'csv']).default('table'),
      defaultText: 'table',
    },
  ],
  examples: [
    { command: 'trustlens quarantine', note: 'counts by batch, table, column and reason' },
    {
      command: "trustlens quarantine --table orders --reason 'must be one of' --format csv > fix.csv",
      note: 'the rows of one reason, to fix and load again',
    },
  ],
  handler: async () => (await import('../../ingest/quarantine/runQuarantine.ts')).runQuarantine,
});
