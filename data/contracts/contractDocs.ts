// Renders the contracts as a Markdown reference, so README and --help never drift from the definitions.
import { describeRule } from './column.ts';
import { CONTRACTS, OPTIONAL_TABLES, TABLE_NAMES, rowKeyColumns } from './tables.ts';

export function contractDocsMarkdown(): string {
  const parts: string[] = [];
  for (const t of TABLE_NAMES) {
    const c = CONTRACTS[t];
    const key = rowKeyColumns(t)
      .map((k) => `\`${k}\``)
      .join(' + ');
    parts.push(
      `### ${t}\n\n${c.doc} Key: ${key}.` +
        (c.foreignKeys.length
          ? ` Foreign keys: ${c.foreignKeys.map((f) => `\`${f.column}\` → ${f.table}`).join(', ')}.`
          : '') +
        ((OPTIONAL_TABLES as readonly string[]).includes(t) ? ' May be declared absent.' : ''),
    );
    if (c.notes?.length) parts.push(c.notes.map((n) => `- ${n}`).join('\n'));
    parts.push('| column | type | required | may change | rule | description |\n|---|---|---|---|---|---|');
    for (const [name, { meta }] of Object.entries(c.columns)) {
      parts.push(
        `| ${name} | ${meta.duckType} | ${meta.optional ? 'no' : 'yes'} | ${meta.mutable ? 'yes' : 'no'} | ${describeRule(meta)} | ${meta.doc} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
