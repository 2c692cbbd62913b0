// Regenerates the README's generated sections (commands, config, contracts) between their marker comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { contractDocsMarkdown } from '../../../data/contracts/index.ts';
import { commandDocsMarkdown } from './commandDocs.ts';
import { configDocsMarkdown } from './configDocs.ts';
import { policyDocsMarkdown } from './policyDocs.ts';
import { tierDocsMarkdown } from './tierDocs.ts';

export const GENERATED_SECTIONS: Record<string, () => string> = {
  commands: commandDocsMarkdown,
  config: configDocsMarkdown,
  contracts: contractDocsMarkdown,
  tiers: tierDocsMarkdown,
  policies: policyDocsMarkdown,
};

/** Files with generated sections, and which sections each holds. */
export const GENERATED_FILES: Record<string, readonly string[]> = {
  'README.md': Object.keys(GENERATED_SECTIONS),
  'data/policies/README.md': ['policies'],
};

/**
 * Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` for every section (default: all).
 */
export function renderReadme(readme: string, sections: readonly string[] = Object.keys(GENERATED_SECTIONS)): string {
  let out = readme;
  for (const name of sections) {
    const render = GENERATED_SECTIONS[name]!;
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
  for (const [file, sections] of Object.entries(GENERATED_FILES)) {
    const before = readFileSync(file, 'utf8');
    const after = renderReadme(before, sections);
    if (after !== before) writeFileSync(file, after);
    process.stdout.write(after === before ? `${file} is up to date\n` : `${file} updated\n`);
  }
}
