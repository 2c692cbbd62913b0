// Benchmark: decide in batch (NDJSON lines through the library, as the CLI runs them) and serve at a fixed rate on
// loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { CONFIG_DEFAULTS } from '../../data/config/configSchema.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { loadDecider } from '../decide/decide.ts';
import { DeciderPool } from '../decide/deciderPool.ts';
import { decideStream, type DecideCounts } from '../decide/runDecide.ts';

const BIN = join(resolve(import.meta.dirname, '..', '..'), 'pipelines', 'cli', 'bin.js');

export interface DecideBenchOptions {
  warehouse: string;
  artifactsDir: string;
  policy: string;
  /** Lines decided in the batch run (the week's requests repeated). */
  batchLines?: number;
  /** decide's worker threads at most (default config decide.threads); the machine's cores cap it. */
  threads?: number;
  /** serve: requests a second and seconds. */
  rate?: number;
  seconds?: number;
  /** serve: seconds at the same rate before the measured ones (JIT, first allocations), reported apart. */
  warmupSeconds?: number;
  /** Extra CLI arguments for the serve child (e.g. --config FILE). */
  serveArgs?: string[];
}

export interface DecideBenchResult {
  requests: number;
  batch: {
    lines: number;
    seconds: number;
    perSecond: number;
    errors: number;
    /** Threads that decided (1: this one). */
    threads: number;
    /**
     * CPU time of the process (all its threads) over `seconds`: on a machine shared with other work, how much of its
     * cores decide got.
     */
    cpuSeconds: number;
    /** Starting the worker threads (not in `seconds`, as loading the week is not). */
    startSeconds: number;
  };
  serve: {
    sent: number;
    ok: number;
    errors: number;
    seconds: number;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    maxMs: number;
    /** The warm-up before the measured seconds: its errors count against the target too. */
    warmup: { sent: number; errors: number; p99Ms: number; maxMs: number };
  };
}

/** The refund requests of the warehouse's last 28 days, as NDJSON lines in the contract's shape. */
async function sampleLines(warehouse: string): Promise<string[]> {
  const wh = await Warehouse.open({ path: warehouse, readOnly: true });
  try {
    const rows = await wh.all(readSql(new URL('./sql/decide_sample_requests.sql', import.meta.url)));
    return rows.map((r) => JSON.stringify(r));
  } finally {
    wh.close();
  }
}

/** The text as a file stream gives it: 64 KiB at a time. */
function readable(text: string): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < text.length; at += 65_536) yield text.slice(at, at + 65_536);
    })(),
  );
}

/** A writable that counts what it is given (as bytes of UTF-8) and keeps nothing. */
function sink(count: (bytes: number) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      count(chunk.length);
      done();
    },
  });
}

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  await once(s, 'close');
  return port;
}

/** GET /health answered 200: the service has loaded its scores and takes requests. */
function healthy(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', timeout: 1000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end();
  });
}

/**
 * Starts `trustlens serve` and waits until /health answers: a log line would not do, `--quiet` (which the bench passes
 * so logging costs no latency) silences it.
 */
async function startServe(o: DecideBenchOptions, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', String(port), '--warehouse', o.warehouse, '--policy', o.policy, ...(o.serveArgs ?? [])],
    { env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  let exited: number | null | undefined;
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  child.once('exit', (code) => (exited = code));
  const deadline = performance.now() + 120_000;
  while (!(await healthy(port))) {
    if (exited !== undefined) throw new Error(`serve exited with ${exited}:\n${err}`);
    if (performance.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`serve did not answer GET /health within 120 s:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

const quantile = (sorted: Float64Array, q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;

/**
 * Open loop: request i is due at start + i/rate, whatever earlier replies did, and its latency counts from when it was
 * due (a stalled server cannot hide its queue). Bounded: exactly rate × seconds requests, each with a 5 s timeout.
 */
async function driveServe(
  port: number,
  bodies: string[],
  rate: number,
  seconds: number,
): Promise<Omit<DecideBenchResult['serve'], 'warmup'>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = rate * seconds;
  const latency = new Float64Array(total).fill(NaN);
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  const fire = (i: number, due: number) =>
    new Promise<void>((done) => {
      const body = bodies[i % bodies.length]!;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/decide',
          method: 'POST',
          agent,
          timeout: 5000,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latency[i] = performance.now() - due;
            if (res.statusCode === 200) ok++;
            else errors++;
            done();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        done();
      });
      req.end(body);
    });
  let next = 0;
  while (next < total) {
    const now = performance.now() - start;
    const due = Math.min(total, Math.floor((now * rate) / 1000) + 1);
    for (; next < due; next++) pending.push(fire(next, start + (next * 1000) / rate));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latency.filter((x) => !Number.isNaN(x)).sort();
  return {
    sent: total,
    ok,
    errors,
    seconds: elapsed,
    p50Ms: quantile(sorted, 0.5),
    p90Ms: quantile(sorted, 0.9),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? NaN,
  };
}

export async function benchDecide(o: DecideBenchOptions): Promise<DecideBenchResult> {
  const lines = await sampleLines(o.warehouse);
  if (lines.length === 0) throw new Error(`${o.warehouse} holds no refund requests to decide`);
  const decider = await loadDecider({ warehouse: o.warehouse, artifactsDir: o.artifactsDir, policy: o.policy });
  const n = o.batchLines ?? 200_000;
  const text = Array.from({ length: n }, (_, i) => lines[i % lines.length]!).join('\n') + '\n';
  // The CLI's path: decideStream reads the NDJSON text (64 KiB reads, as from a file), its worker threads parse,
  // validate, decide and serialise every line, and the output is written in input order. The workers are started
  // before the clock, as the week is loaded before it; their start is printed apart.
  const threads = Math.min(availableParallelism(), o.threads ?? CONFIG_DEFAULTS.decide.threads);
  const s0 = performance.now();
  const pool = decider.orderIndependent && threads > 1 ? await DeciderPool.start(decider, threads) : undefined;
  await pool?.ready;
  const startSeconds = (performance.now() - s0) / 1000;
  let counts: DecideCounts;
  let bytes = 0;
  let seconds: number;
  let cpuSeconds: number;
  try {
    // Warm-up (JIT, the forest's prediction kernel) in every thread, then the timed pass.
    await decideStream(
      decider,
      readable(text.slice(0, text.indexOf('\n', text.length >> 3) + 1)),
      sink(() => 0),
      {
        threads,
        pool,
      },
    );
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    counts = await decideStream(
      decider,
      readable(text),
      sink((b) => (bytes += b)),
      { threads, pool },
    );
    seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    cpuSeconds = (cpu.user + cpu.system) / 1e6;
  } finally {
    await pool?.close();
  }
  if (bytes === 0) throw new Error('decide wrote nothing');
  if (counts.lines !== n) throw new Error(`decide read ${counts.lines} lines of ${n}`);
  const batch = {
    lines: n,
    seconds,
    perSecond: n / seconds,
    errors: counts.errors,
    threads: pool?.threads ?? 1,
    cpuSeconds,
    startSeconds,
  };

  const port = await freePort();
  const child = await startServe(o, port);
  try {
    // A service takes traffic once warm, as the batch above is timed after its warm-up pass: the first second of a
    // fresh process (JIT) would otherwise be a third of the 300 slowest requests p99 looks at.
    const rate = o.rate ?? 1_000;
    const w = await driveServe(port, lines, rate, o.warmupSeconds ?? 3);
    const serve = await driveServe(port, lines, rate, o.seconds ?? 30);
    return {
      requests: lines.length,
      batch,
      serve: { ...serve, warmup: { sent: w.sent, errors: w.errors, p99Ms: w.p99Ms, maxMs: w.maxMs } },
    };
  } finally {
    child.kill('SIGTERM');
  }
}
