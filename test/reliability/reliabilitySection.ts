// The README's Reliability section: rendered from the guarantees and the bad-input counts, and read back from README.
import type { BadInputRecord } from '../support/badInputs.ts';
import type { Guarantee, Proof } from './guarantees.ts';

export const SECTION_START = '<!-- generated:reliability -->';
export const SECTION_END = '<!-- /generated:reliability -->';

/**
 * Whether a test (its title, an it.each title filled in; or a full name "describe > title") is the one a proof names.
 */
export function provesWith(proof: Proof, file: string, name: string): boolean {
  if (file !== proof.file) return false;
  const pattern = proof.test.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('%s', '.+');
  return new RegExp(`^${pattern}`).test(name.split(' > ').at(-1)!);
}

/** Bad inputs per guarantee (in order) from the records of a run, and the total over every record. */
export function countBadInputs(
  guarantees: readonly Guarantee[],
  records: readonly BadInputRecord[],
): { perGuarantee: number[]; total: number } {
  const perGuarantee = guarantees.map((g) =>
    records.filter((r) => g.proofs.some((p) => provesWith(p, r.file, r.test))).reduce((sum, r) => sum + r.n, 0),
  );
  return { perGuarantee, total: records.reduce((sum, r) => sum + r.n, 0) };
}

export function renderSection(guarantees: readonly Guarantee[], counts: { perGuarantee: number[]; total: number }) {
  const rows = guarantees.map((g, i) => {
    const proofs = g.proofs.map((p) => `\`${p.file.replace(/^test\//, '')}\`: “${p.test}…”`).join('<br>');
    return `| **${i + 1}. ${g.title}.** ${g.statement} | ${counts.perGuarantee[i]} | ${proofs} |`;
  });
  return [
    `The test suite tries **${counts.total} bad inputs** against these guarantees: damaged files, hostile values and ` +
      'mappings, processes killed at every step, full disks and read-only folders. Each is one hostile input a test ' +
      'feeds trustlens and checks the outcome of; `npm run reliability` runs those tests, counts them and rewrites this ' +
      'section (the list lives in `test/reliability/guarantees.ts`).',
    '',
    '| guarantee | bad inputs | proved by (under `test/`) |',
    '|---|---:|---|',
    ...rows,
  ].join('\n');
}

/** The text between the markers, or undefined when README has no such block. */
export function readSection(readme: string): string | undefined {
  const i = readme.indexOf(SECTION_START);
  const j = readme.indexOf(SECTION_END);
  return i < 0 || j < i ? undefined : readme.slice(i + SECTION_START.length, j).trim();
}

export function writeSection(readme: string, section: string): string {
  const i = readme.indexOf(SECTION_START);
  const j = readme.indexOf(SECTION_END);
  if (i < 0 || j < i) throw new Error(`README.md has no ${SECTION_START} … ${SECTION_END} block`);
  return readme.slice(0, i + SECTION_START.length) + '\n' + section + '\n' + readme.slice(j);
}

/** The counts a rendered section states, to check the rest of it against the guarantees without running the tests. */
export function statedCounts(section: string): { perGuarantee: number[]; total: number } | undefined {
  const total = /tries \*\*(\d+) bad inputs\*\*/.exec(section)?.[1];
  const perGuarantee = [...section.matchAll(/^\| \*\*\d+\..*? \| (\d+) \| /gm)].map((m) => Number(m[1]));
  return total === undefined ? undefined : { perGuarantee, total: Number(total) };
}
