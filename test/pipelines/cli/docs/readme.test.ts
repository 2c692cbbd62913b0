// The README's command, config and contract sections are generated: this fails when they drift from the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReadme } from '../../../../pipelines/cli/docs/updateReadme.ts';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('opens with the two set-up commands', () => {
    const firstBlock = readme.split('```')[1] ?? '';
    expect(firstBlock).toContain('npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('has generated sections matching the command table, config schema and contracts (run: npx tsx pipelines/cli/docs/updateReadme.ts)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });
});
