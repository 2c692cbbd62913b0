// README's Reliability section (issue 21, must show 7) states the guarantees of test/reliability/guarantees.ts, each
// proved by tests that exist, with bad-input counts `npm run reliability` measured (not typed by hand).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUARANTEES } from './guarantees.ts';
import { readSection, renderSection, statedCounts } from './reliabilitySection.ts';
import { reliabilityFiles } from './updateReliability.ts';

const section = readSection(readFileSync('README.md', 'utf8'));

describe("README's Reliability section", () => {
  it('states every guarantee with its proofs, as rendered from the list and the measured counts', () => {
    expect(section).toBeDefined();
    const counts = statedCounts(section!);
    expect(counts?.perGuarantee).toHaveLength(GUARANTEES.length);
    expect(counts!.total).toBeGreaterThan(0);
    expect(section).toBe(renderSection(GUARANTEES, counts!));
  });

  it('cites tests that exist in their files', () => {
    const missing = GUARANTEES.flatMap((g) => g.proofs).filter(
      (p) => !readFileSync(p.file, 'utf8').replace(/\s+/g, ' ').includes(p.test),
    );
    expect(missing).toEqual([]);
  });

  it('counts the bad inputs of files that prove a guarantee only', () => {
    const cited = new Set(GUARANTEES.flatMap((g) => g.proofs.map((p) => p.file)));
    expect(reliabilityFiles().filter((f) => !cited.has(f))).toEqual([]);
  });
});
