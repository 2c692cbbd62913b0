// Renders the contracts as a Markdown reference, so README and --help never drift from the definitions.
import { describeRule } from './column.ts';
import { CONTRACTS, TABLE_NAMES } from './tables.ts';

export function contractDocsMarkdown(): string {
  const parts: string[] = [];
  for (const t of TABLE_NAMES) {
    const c = CONTRACTS[t];
    parts.push(
      `### ${t}\n\n${c.doc} Key: \`${c.primaryKey}\`.` +
        (c.foreignKeys.length
          ? ` Foreign keys: ${c.foreignKeys.map((f) => `\`${f.column}\` → ${f.table}`).join(', ')}.`
          : ''),
    );
    parts.push('| column | type | required | rule | description |\n|---|---|---|---|---|');
    for (const [name, { meta }] of Object.entries(c.columns)) {
      parts.push(
        `| ${name} | ${meta.duckType} | ${meta.optional ? 'no' : 'yes'} | ${describeRule(meta)} | ${meta.doc} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
