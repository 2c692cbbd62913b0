// Renders the shipped scenarios table from the policy files themselves, so the docs say what the files do (risk-gated's
// 5%, not 20%).
import { basename } from 'node:path';
import { configSchema } from '../../../data/config/configSchema.ts';
import { describePolicy } from '../../report/describePolicy.ts';
import { loadPolicies } from '../../simulate/policy/loadPolicy.ts';

export function policyDocsMarkdown(): string {
  const files = configSchema.parse({}).simulate.policies;
  const rows = loadPolicies(files).map((p) => {
    const info = describePolicy(p, p.file);
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    return `| \`${basename(p.file)}\` | ${cell(info.description ?? '')} | ${info.rules.map((r, i) => `${i + 1}. ${cell(r)}`).join(' ')} |`;
  });
  return ['| file | idea | rules, in order (the first that matches decides) |', '|---|---|---|', ...rows].join('\n');
}
