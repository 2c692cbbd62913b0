// Starts a forest worker thread from its module name, registering tsx inside the worker when running from .ts sources.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Spawns `./<name>.ts` (under tsx or vitest) or `./<name>.js` (compiled) from this folder with the given workerData.
 * Under tsx a tiny bootstrap registers tsx's ESM loader in the worker's own thread, then imports the module
 * (on Node 20 an `--import tsx` execArgv does not reach worker module loading). Training, prediction and TreeSHAP
 * workers all start here.
 */
export function spawnForestWorker(name: string, workerData: unknown): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, import.meta.url);
  if (!fromSource) return new Worker(url, { workerData });
  const bootstrap = `import(${JSON.stringify(tsxEsmApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** The ESM build of tsx's API; its CommonJS build resolves its own chunks wrongly from a worker. */
function tsxEsmApiUrl(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const esm = cjs.replace(/\.cjs$/, '.mjs');
  return pathToFileURL(existsSync(esm) ? esm : cjs).href;
}
