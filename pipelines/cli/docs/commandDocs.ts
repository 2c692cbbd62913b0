// Renders the CLI reference for the README from the command table, so docs and --help cannot drift apart.
import { COMMANDS, GLOBAL_OPTIONS } from '../commandTable.ts';

export function commandDocsMarkdown(): string {
  const out: string[] = [];
  out.push('Global options (before or after the command):', '');
  out.push('| option | meaning |', '|---|---|');
  for (const g of GLOBAL_OPTIONS) {
    const flag = 'value' in g ? `--${g.flag} ${g.value}` : `--${g.flag}`;
    out.push(`| \`${flag}\` | ${g.description}${'defaultText' in g ? ` Default: ${g.defaultText}.` : ''} |`);
  }
  for (const c of COMMANDS) {
    const usage = c.options.map((o) => {
      const v = o.value ? ` ${o.value}${o.repeatable ? '...' : ''}` : '';
      return o.required ? `--${o.flag}${v}` : `[--${o.flag}${v}]`;
    });
    out.push('', `#### \`trustlens ${c.name}${usage.length ? ' ' + usage.join(' ') : ''}\``, '', c.summary);
    if (c.details) out.push('', c.details);
    if (c.options.length) {
      out.push('', '| option | meaning | default |', '|---|---|---|');
      for (const o of c.options) {
        out.push(
          `| \`--${o.flag}${o.value ? ' ' + o.value : ''}\` | ${o.description} | ${o.required ? '(required)' : (o.defaultText ?? '')} |`,
        );
      }
    }
  }
  return out.join('\n');
}
