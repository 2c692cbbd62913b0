// Benchmark of the synthetic marketplace generator: wall time and peak memory per size, each size in its own child process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface GenerateBenchSize {
  /** Label in the output, e.g. "1M buyers". */
  size?: string;
  buyers: number;
  merchants: number;
  weeks?: number;
  format?: 'parquet' | 'csv' | 'ndjson';
  memoryLimit?: string;
  threads?: number;
}

export interface GenerateBenchRow {
  size: string;
  buyers: number;
  merchants: number;
  orders: number;
  seconds: number;
  /** Peak resident memory of the child process (Node + DuckDB). */
  peakRssMB: number;
}

interface ChildResult {
  orders: number;
  seconds: number;
  peakRssMB: number;
}

const SELF = fileURLToPath(import.meta.url);

/** Times generation at each size into a temp folder (removed afterwards); a fresh process per size so peak RSS is its own. */
export async function benchGenerate(sizes: readonly GenerateBenchSize[]): Promise<GenerateBenchRow[]> {
  const out: GenerateBenchRow[] = [];
  for (const s of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'trustlens-generate-bench-'));
    try {
      const r = await runChild({ ...s, out: dir });
      out.push({ size: s.size ?? `${s.buyers} buyers`, buyers: s.buyers, merchants: s.merchants, ...r });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

function runChild(args: GenerateBenchSize & { out: string }): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // tsx resolved from this repo, so the child runs the TypeScript sources from any working directory
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), SELF, JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TZ: 'UTC' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`generate bench child exited with ${code}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      resolve(JSON.parse(last) as ChildResult);
    });
  });
}

/** Child side: one generation, then its figures as a JSON line on stdout. */
async function childMain(raw: string): Promise<void> {
  const args = JSON.parse(raw) as GenerateBenchSize & { out: string };
  const { generateMarketplace } = await import('../../data/synthetic/generateMarketplace.ts');
  const t0 = performance.now();
  const summary = await generateMarketplace({
    seed: 42,
    buyers: args.buyers,
    merchants: args.merchants,
    weeks: args.weeks ?? 52,
    end: '2026-11-02',
    format: args.format ?? 'parquet',
    out: args.out,
    ...(args.memoryLimit ? { memoryLimit: args.memoryLimit } : {}),
    ...(args.threads ? { threads: args.threads } : {}),
  });
  const result: ChildResult = {
    orders: summary.rows.orders,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url && process.argv[2]) {
  await childMain(process.argv[2]);
}
