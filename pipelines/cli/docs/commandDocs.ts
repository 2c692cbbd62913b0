// Renders the CLI reference for the README from the command table, so docs and --help cannot drift apart.
import { COMMANDS, GLOBAL_OPTIONS } from '../commandTable.ts';
import { commandUsage, optionUsage } from '../buildProgram.ts';

export function commandDocsMarkdown(): string {
  const out: string[] = [];
  out.push('Global options (before or after the command):', '');
  out.push('| option | meaning |', '|---|---|');
  for (const g of GLOBAL_OPTIONS) {
    const flag = 'value' in g ? `--${g.flag} ${g.value}` : `--${g.flag}`;
    out.push(`| \`${flag}\` | ${g.description}${'defaultText' in g ? ` Default: ${g.defaultText}.` : ''} |`);
  }
  out.push(
    '| `--version` | Print the trustlens version. |',
    '| `--help` | Show help (also after a command: `trustlens run --help`). |',
  );
  for (const c of COMMANDS) {
    out.push('', `#### \`trustlens ${commandUsage(c)}\``, '', c.summary);
    if (c.details) out.push('', c.details);
    if (c.options.length) {
      out.push('', '| option | meaning | default |', '|---|---|---|');
      for (const o of c.options)
        out.push(
          `| \`${optionUsage(o)}\` | ${o.description} | ${o.required ? '**required**' : (o.defaultText ?? '')} |`,
        );
    }
    out.push('', 'Examples:', '', '```sh');
    const width = Math.max(...c.examples.map((e) => e.command.length));
    for (const e of c.examples) out.push(`${e.command.padEnd(width)}  # ${e.note}`);
    out.push('```');
  }
  return out.join('\n');
}
