// `trustlens catalog`: prints the feature catalogue (name, description, unit, window, role, component per column).
import { z } from 'zod';
import { defineCommand } from '../defineCommand.ts';

export const catalogCommand = defineCommand({
  name: 'catalog',
  summary:
    'Print the feature catalogue: every column of feat_buyer, feat_merchant, buyer_groups and feat_request with its meaning, unit and window.',
  options: [
    {
      flag: 'format',
      value: 'FORMAT',
      description: 'markdown or json.',
      schema: z.enum(['markdown', 'json']).default('markdown'),
      defaultText: 'markdown',
    },
    {
      flag: 'table',
      value: 'TABLE',
      description: 'Only this table: feat_buyer, feat_merchant, buyer_groups or feat_request.',
      schema: z.enum(['feat_buyer', 'feat_merchant', 'buyer_groups', 'feat_request']).optional(),
    },
  ],
  examples: [
    { command: 'trustlens catalog --table feat_merchant', note: 'the merchant features as Markdown' },
    { command: 'trustlens catalog --format json', note: 'every table, machine-readable' },
  ],
  handler: async () => (await import('../../features/runCatalog.ts')).runCatalog,
});
