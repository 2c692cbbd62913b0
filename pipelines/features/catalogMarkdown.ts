// Renders the feature catalogue as Markdown (for `trustlens catalog`, reports and model cards).
import { FEATURE_TABLES, NULL_POLICY, type FeatureCatalog } from './featureCatalog.ts';

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function catalogMarkdown(catalog: FeatureCatalog, tables: readonly string[] = FEATURE_TABLES): string {
  const parts: string[] = ['# Feature catalogue', '', NULL_POLICY, ''];
  for (const name of FEATURE_TABLES) {
    if (!tables.includes(name)) continue;
    const t = catalog[name];
    const hasComponents = t.columns.some((c) => c.component);
    parts.push(`## ${t.table}`, '', `${cell(t.description)} Grain: ${t.grain}. Key: \`${t.key.join(', ')}\`.`, '');
    parts.push(
      `| column | role | unit | window |${hasComponents ? ' component |' : ''} description | NULL when |`,
      `|---|---|---|---|${hasComponents ? '---|' : ''}---|---|`,
    );
    for (const c of t.columns) {
      const comp = hasComponents
        ? ` ${c.component ?? (c.component_from ? `per row: that of \`${c.component_from}\`` : '')} |`
        : '';
      parts.push(
        `| ${c.name} | ${c.role} | ${c.unit} | ${c.window} |${comp} ${cell(c.description)} | ${cell(c.null_when ?? 'never')} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
