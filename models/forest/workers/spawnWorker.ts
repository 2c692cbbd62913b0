// Starts a forest worker thread from its module name; from .ts sources the worker's modules are bundled once per
// process.
import { buildSync } from 'esbuild';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** One bundle per worker module and process: building one costs more than starting a worker from it. */
const bundles = new Map<string, URL>();

/**
 * Spawns `./<name>.ts` (under tsx or vitest) or `./<name>.js` (compiled) from this folder (models/forest/workers, where
 * every worker entry lives) with the given workerData. From sources, the worker's module graph is bundled by esbuild
 * (the compiler tsx itself uses) into one ES module passed as a data: URL, and the worker gets no inherited flags (so
 * no tsx loader either): such a worker answers several times sooner than one that inherits tsx's --import or compiles
 * each module again inside it (see README, Measurements). Worker modules must therefore import only modules of
 * models/forest (any of its sub-folders) and Node's built-ins. Training, prediction and TreeSHAP workers all start
 * here.
 */
export function spawnForestWorker(name: string, workerData: unknown): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  let url = bundles.get(name);
  if (!url) {
    const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
    const out = buildSync({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const forestRoot = dirname(dirname(entry)) + sep; // models/forest: the worker entries sit in its workers/ folder
    const outside = Object.keys(out.metafile.inputs)
      .map((f) => resolve(f))
      .filter((f) => !f.startsWith(forestRoot));
    const code = out.outputFiles[0]!.text;
    if (outside.length > 0 || code.includes('import.meta')) {
      throw new Error(
        `spawnForestWorker: the ${name} worker's modules ${outside.length > 0 ? `import ${outside.join(', ')}` : 'use import.meta'}. ` +
          'Fix: worker modules may import only modules of models/forest and node: built-ins, without import.meta, because the bundle runs from a data: URL.',
      );
    }
    url = new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    bundles.set(name, url);
  }
  return new Worker(url, { workerData, execArgv: [] });
}
