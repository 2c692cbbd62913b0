// Forest benchmark: this engine vs ml-random-forest vs scikit-learn, each contender in its own child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { BENCH_FEATURES, makeBenchData } from './dataset.ts';
import { writeBenchFile, type ContenderResult } from './benchFile.ts';

const program = new Command()
  .name('npm run bench:forest --')
  .description(
    'Trains and scores this engine, ml-random-forest and scikit-learn on the synthetic bench task, each in a child process, and prints one table.',
  )
  .addOption(
    new Option('--sizes <list>', 'comma-separated row counts, each like 10k, 200k or 1M')
      .argParser(parseSizes)
      .default(parseSizes('10k,200k,1M'), '10k,200k,1M'),
  )
  .option('--skip-ml-rf', 'skip ml-random-forest (it runs only at sizes up to 10k anyway)')
  .option('--skip-sklearn', 'skip scikit-learn (/usr/bin/python3 with sklearn)')
  .option('--threads <n>', 'threads our engine trains and predicts on', '2')
  .parse();
const opts = program.opts<{ sizes: number[]; skipMlRf?: true; skipSklearn?: true; threads: string }>();
const { sizes, threads } = opts;
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'forest-bench-'));
const sklearnAvailable = spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;

function parseSizes(list: string): number[] {
  return list.split(',').map((s) => {
    const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
    if (!m) throw new InvalidArgumentError(`"${s}" is not a size like 10k, 200k or 1M.`);
    return Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'k' ? 1e3 : m[2]?.toLowerCase() === 'm' ? 1e6 : 1));
  });
}

function run(command: string, argv: string[]): ContenderResult | string {
  const r = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, TZ: 'UTC' } });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{'))
    return `failed (${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`;
  return JSON.parse(last) as ContenderResult;
}

const rows: string[][] = [];
const header = [
  'rows',
  'contender',
  'trees',
  'train s',
  'predict rows/s',
  'holdout AUC',
  'peak RSS MB',
  'model MB',
  'train × ours',
  'predict ÷ ours',
  'AUC − ours',
  'note',
];
const fmt = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '–');
for (const n of sizes) {
  const data = makeBenchData(n, 7);
  const nTrain = Math.floor(n * 0.8);
  const file = join(dir, `bench-${n}.bin`);
  writeBenchFile(file, data);
  const base = [file, String(n), String(BENCH_FEATURES), String(nTrain)];
  let positives = 0;
  for (const y of data.labels) positives += y;
  console.error(`# ${n} rows, ${((100 * positives) / n).toFixed(2)} % positives, holdout ${n - nTrain}`);
  const results: (ContenderResult | string)[] = [];
  const label: string[] = [];
  console.error('#   trustlens forest …');
  results.push(run(process.execPath, ['--import', 'tsx', join(here, 'runEngine.ts'), ...base, '100', threads]));
  label.push('trustlens forest');
  if (n <= 10_000 && !opts.skipMlRf) {
    console.error('#   ml-random-forest (slow) …');
    results.push(run(process.execPath, ['--import', 'tsx', join(here, 'runMlRandomForest.ts'), ...base, '15']));
    label.push('ml-random-forest 2.1.0');
  }
  if (opts.skipSklearn) results.push('skipped (--skip-sklearn)');
  else if (sklearnAvailable) {
    console.error('#   scikit-learn …');
    results.push(run('/usr/bin/python3', [join(here, 'sklearn_rf.py'), ...base]));
  } else results.push('skipped (/usr/bin/python3 -c "import sklearn" failed)');
  label.push('scikit-learn RF (n_jobs=2)');
  const ours = typeof results[0] === 'string' ? null : results[0]!;
  results.forEach((r, i) => {
    if (typeof r === 'string') {
      rows.push([String(n), label[i]!, '', '', '', '', '', '', '', '', '', r]);
      return;
    }
    const oursPerTree = ours ? ours.trainSeconds / ours.trees : NaN;
    rows.push([
      String(n),
      r.contender,
      String(r.trees),
      fmt(r.trainSeconds),
      fmt(r.predictRowsPerSecond, 0),
      fmt(r.holdoutAuc, 4),
      fmt(r.peakRssMB, 0),
      fmt(r.modelMB, 1),
      // Per-tree ratio, so ml-random-forest's 15 trees compare fairly with 100.
      ours ? `${fmt(r.trainSeconds / r.trees / oursPerTree, 1)}×/tree` : '–',
      ours ? fmt(ours.predictRowsPerSecond / r.predictRowsPerSecond, 2) : '–',
      ours ? fmt(r.holdoutAuc - ours.holdoutAuc, 4) : '–',
      r.note ?? '',
    ]);
  });
  rmSync(file);
}
rmSync(dir, { recursive: true, force: true });

const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (cells: string[]) => '| ' + cells.map((x, c) => x.padEnd(widths[c]!)).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log(
  '\ntrain × ours: contender train seconds per tree ÷ ours (higher = we are faster); predict ÷ ours: our rows/s ÷ theirs.',
);
console.log('Shared 2-core machine: timings are noisy; rerun for stable numbers.');
