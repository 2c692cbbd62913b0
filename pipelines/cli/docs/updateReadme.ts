// Regenerates the README's generated sections (commands, config, contracts) between their marker comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { contractDocsMarkdown } from '../../../data/contracts/index.ts';
import { commandDocsMarkdown } from './commandDocs.ts';
import { configDocsMarkdown } from './configDocs.ts';

export const GENERATED_SECTIONS: Record<string, () => string> = {
  commands: commandDocsMarkdown,
  config: configDocsMarkdown,
  contracts: contractDocsMarkdown,
};

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` for every section. */
export function renderReadme(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(GENERATED_SECTIONS)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`README.md has no ${start} … ${end} block`);
    out = out.slice(0, i + start.length) + '\n' + render().trimEnd() + '\n' + out.slice(j);
  }
  return out;
}

if (process.argv[1]?.endsWith('updateReadme.ts')) {
  const before = readFileSync('README.md', 'utf8');
  const after = renderReadme(before);
  if (after !== before) writeFileSync('README.md', after);
  process.stdout.write(after === before ? 'README.md is up to date\n' : 'README.md updated\n');
}
