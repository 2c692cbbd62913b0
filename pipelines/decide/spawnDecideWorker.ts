// Starts decide's worker threads; from .ts sources the worker's module graph is bundled once per process (as
// models/forest/workers/spawnWorker.ts does for the forest's workers).
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DecideWorkerInit } from './decideWorkerProtocol.ts';

let bundle: Promise<URL> | undefined;

/**
 * A decide worker's young generation (V8's new space, MiB; V8 gives a third of it to each of its two semi-spaces).
 * Every request allocates its parsed line, context, decision and text, and a batch's live ones are copied at each
 * scavenge: with V8's default (16 MiB a semi-space at most) garbage collection still took a seventh of a worker's
 * time; at 192 the bench's batch took about a fifth less CPU (at 96 less so). It costs memory only as it is used: up
 * to 128 MiB a worker.
 */
export const DECIDE_WORKER_YOUNG_MB = 192;

/**
 * The forest's modules import esbuild to start their own workers, which a decide worker never does (it predicts in
 * its own thread): esbuild is replaced by a module that says so rather than bundled (it cannot run from a data: URL).
 */
const noEsbuild: Plugin = {
  name: 'no-esbuild-in-decide-workers',
  setup(b) {
    b.onResolve({ filter: /^esbuild$/ }, () => ({ path: 'esbuild', namespace: 'no-esbuild' }));
    b.onLoad({ filter: /.*/, namespace: 'no-esbuild' }, () => ({
      contents:
        "export function buildSync() { throw new Error('decide workers cannot start worker threads of their own'); }",
      loader: 'js',
    }));
  },
};

/** The worker's modules (decider, zod schemas, forest) as one ES module in a data: URL. */
async function workerBundle(): Promise<URL> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./decideWorker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [noEsbuild],
  });
  return new URL(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.text).toString('base64')}`);
}

/**
 * A decide worker over `init`. Under tsx (or vitest) the worker runs the bundle and inherits no flags, so no tsx
 * loader: it starts several times sooner than one compiling each module again (see models/forest/README.md).
 */
export async function spawnDecideWorker(init: DecideWorkerInit): Promise<Worker> {
  const options = { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: DECIDE_WORKER_YOUNG_MB } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./decideWorker.js', import.meta.url), options);
  bundle ??= workerBundle().catch((err: unknown) => {
    bundle = undefined;
    throw err;
  });
  return new Worker(await bundle, { ...options, execArgv: [] });
}
