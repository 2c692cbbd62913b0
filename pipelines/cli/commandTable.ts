// The one table of commands: it drives parsing, --help and the README's command reference.
import type { CommandSpec } from './defineCommand.ts';
import { generateCommand } from './commands/generate.ts';
import { ingestCommand } from './commands/ingest.ts';

export const COMMANDS: readonly CommandSpec[] = [generateCommand, ingestCommand];

export const GLOBAL_OPTIONS = [
  { flag: 'warehouse', value: 'FILE', description: 'DuckDB warehouse file.', defaultText: 'config warehouse (data/warehouse.duckdb)' },
  { flag: 'config', value: 'FILE', description: 'Config file (JSON or YAML).', defaultText: 'trustlens.config.json if present' },
  { flag: 'quiet', description: 'Only warnings and errors.' },
  { flag: 'verbose', description: 'Every step and detail.' },
] as const;
