// The one table of commands: it drives parsing, --help and the README's command reference.
import { configDefault, type CommandSpec } from './defineCommand.ts';
import { generateCommand } from './commands/generate.ts';
import { ingestCommand } from './commands/ingest.ts';
import { featuresCommand } from './commands/features.ts';
import { catalogCommand } from './commands/catalog.ts';
import { simulateCommand } from './commands/simulate.ts';
import { exportCommand } from './commands/export.ts';
import { trainCommand } from './commands/train.ts';
import { scoreCommand } from './commands/score.ts';
import { governCommand } from './commands/govern.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { reportCommand } from './commands/report.ts';
import { runCommand } from './commands/run.ts';
import { startCommand } from './commands/start.ts';
import { decideCommand } from './commands/decide.ts';
import { serveCommand } from './commands/serve.ts';
import { quarantineCommand } from './commands/quarantine.ts';

// In the order a newcomer meets them: the whole product first, then each stage of the weekly run, then tools.
export const COMMANDS: readonly CommandSpec[] = [
  startCommand,
  runCommand,
  generateCommand,
  ingestCommand,
  quarantineCommand,
  featuresCommand,
  trainCommand,
  scoreCommand,
  governCommand,
  simulateCommand,
  reportCommand,
  exportCommand,
  catalogCommand,
  evaluateCommand,
  decideCommand,
  serveCommand,
];

export const GLOBAL_OPTIONS = [
  { flag: 'warehouse', value: 'FILE', description: 'DuckDB warehouse file.', defaultText: configDefault('warehouse') },
  {
    flag: 'config',
    value: 'FILE',
    description: 'Config file (JSON or YAML).',
    defaultText: 'trustlens.config.json if present',
  },
  { flag: 'quiet', description: 'Only warnings and errors.' },
  { flag: 'verbose', description: 'Every step and detail.' },
] as const;
