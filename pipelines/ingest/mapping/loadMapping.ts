// Reads and validates a mapping file (JSON or YAML), reporting every problem with its key.
import { readStructuredFile } from '../../../data/config/loadConfig.ts';
import { parseOrThrow } from '../../../data/validation/parseOrThrow.ts';
import { mappingSchema, type Mapping } from './mappingSchema.ts';

export function loadMapping(file: string): Mapping {
  return parseOrThrow(mappingSchema, readStructuredFile(file), file) as Mapping;
}
