// `npm run reliability [-- --check]`: runs every test that proves a guarantee or tries bad inputs, counts the bad
// inputs
// they tried (test/support/badInputs.ts) and rewrites README's Reliability section; --check only compares.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BadInputRecord } from '../support/badInputs.ts';
import { GUARANTEES } from './guarantees.ts';
import { countBadInputs, provesWith, readSection, renderSection, writeSection } from './reliabilitySection.ts';

interface VitestJson {
  testResults: {
    name: string;
    assertionResults: { title: string; fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Files citing a guarantee, and every file that counts bad inputs (so none is left out of the total). */
export function reliabilityFiles(): string[] {
  const counting = testFiles('test').filter((f) => readFileSync(f, 'utf8').includes('support/badInputs.ts'));
  return [...new Set([...GUARANTEES.flatMap((g) => g.proofs.map((p) => p.file)), ...counting])].sort();
}

function main(): number {
  const check = process.argv.includes('--check');
  const work = mkdtempSync(join(tmpdir(), 'trustlens-reliability-'));
  try {
    const records = join(work, 'bad-inputs.jsonl');
    const results = join(work, 'results.json');
    writeFileSync(records, '');
    const files = reliabilityFiles();
    process.stderr.write(`running ${files.length} test files…\n`);
    const run = spawnSync(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', ...files, '--reporter=json', `--outputFile=${results}`],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TZ: 'UTC', TRUSTLENS_BAD_INPUTS: records } },
    );
    const json = JSON.parse(readFileSync(results, 'utf8')) as VitestJson;
    const tests = json.testResults.flatMap((f) =>
      f.assertionResults.map((a) => ({ file: relative(process.cwd(), f.name), ...a })),
    );
    const problems: string[] = [];
    for (const t of tests.filter((x) => x.status === 'failed'))
      problems.push(`${t.file}: "${t.fullName}" failed: ${t.failureMessages[0]?.split('\n')[0] ?? ''}`);
    if (run.status !== 0) problems.push(`vitest exited ${run.status}: every test must pass`);
    for (const g of GUARANTEES) {
      for (const p of g.proofs) {
        const hits = tests.filter((t) => provesWith(p, t.file, t.title));
        if (hits.length === 0) problems.push(`${p.file}: no test titled "${p.test}…" (guarantee "${g.title}")`);
        for (const h of hits) {
          // A test this machine cannot run (no PID namespaces, say) is skipped: said, not counted.
          if (h.status === 'skipped') process.stderr.write(`skipped here: ${h.file}: "${h.fullName}"\n`);
          else if (h.status !== 'passed') problems.push(`${h.file}: "${h.fullName}" ${h.status}`);
        }
      }
    }
    if (problems.length) {
      process.stderr.write(`${problems.join('\n')}\n`);
      return 1;
    }
    const lines = readFileSync(records, 'utf8').split('\n').filter(Boolean);
    const counts = countBadInputs(
      GUARANTEES,
      lines.map((l) => JSON.parse(l) as BadInputRecord),
    );
    const readme = readFileSync('README.md', 'utf8');
    const section = renderSection(GUARANTEES, counts);
    process.stdout.write(`${counts.total} bad inputs tried\n`);
    if (readSection(readme) === section) {
      process.stdout.write('README.md is up to date\n');
      return 0;
    }
    if (check) {
      process.stderr.write('README.md: the Reliability section is out of date; run `npm run reliability`\n');
      return 1;
    }
    writeFileSync('README.md', writeSection(readme, section));
    process.stdout.write('README.md updated\n');
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('updateReliability.ts')) process.exitCode = main();
