// Publishes the artifacts of one training run together: a kill at any moment leaves either the previous artifacts or
// all the new ones (the next writer finishes a publication that was committed), never a new model beside an old one.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ArtifactFile } from './artifactFile.ts';
import { artifactDates, artifactPath } from './artifactStore.ts';

/** The commit record of a publication: the moves still to make. Present only between commit and completion. */
const JOURNAL = '.publishing.json';

/**
 * One artifact to move in: `<model>/<file>.pending` to `<model>/<file>`, relative to the artifacts folder (which may
 * move).
 */
interface Move {
  model: string;
  file: string;
}

function pointLatest(dir: string, model: string): void {
  const folder = join(dir, model);
  const newest = artifactDates(dir, model as ArtifactFile['model']).at(-1);
  if (newest === undefined) return;
  writeFileSync(`${join(folder, 'latest.json')}.tmp`, JSON.stringify({ date: newest }) + '\n');
  renameSync(`${join(folder, 'latest.json')}.tmp`, join(folder, 'latest.json'));
}

function complete(dir: string, moves: Move[]): void {
  for (const m of moves) {
    const to = join(dir, m.model, m.file);
    if (existsSync(`${to}.pending`)) renameSync(`${to}.pending`, to);
  }
  for (const model of new Set(moves.map((m) => m.model))) pointLatest(dir, model);
  rmSync(join(dir, JOURNAL), { force: true });
}

/**
 * Writes each artifact beside its place as `.pending`, commits the publication by writing the journal (one atomic
 * rename), then moves them in. Returns the artifacts' paths.
 */
export function publishArtifacts(dir: string, artifacts: readonly ArtifactFile[]): string[] {
  if (artifacts.length === 0) return [];
  const paths = artifacts.map((a) => artifactPath(dir, a.model, a.asOf));
  artifacts.forEach((a, i) => {
    mkdirSync(join(dir, a.model), { recursive: true });
    writeFileSync(`${paths[i]}.pending`, JSON.stringify(a) + '\n');
  });
  const moves: Move[] = artifacts.map((a, i) => ({ model: a.model, file: basename(paths[i]!) }));
  writeFileSync(join(dir, `${JOURNAL}.tmp`), JSON.stringify(moves) + '\n');
  renameSync(join(dir, `${JOURNAL}.tmp`), join(dir, JOURNAL));
  complete(dir, moves);
  return paths;
}

/**
 * What a killed training left: a committed publication is finished; artifacts of an uncommitted one (`.pending`) and
 * half-written files (`.tmp`) are removed. Run by every writing command before it starts (it holds the run lock).
 * Returns what it finished or removed.
 */
export function recoverArtifacts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const done: string[] = [];
  const journal = join(dir, JOURNAL);
  if (existsSync(journal)) {
    const moves = JSON.parse(readFileSync(journal, 'utf8')) as Move[];
    complete(dir, moves);
    done.push(...moves.map((m) => `${join(dir, m.model, m.file)} (published)`));
  }
  if (existsSync(`${journal}.tmp`)) {
    rmSync(`${journal}.tmp`, { force: true });
    done.push(`${journal}.tmp`);
  }
  for (const model of readdirSync(dir, { withFileTypes: true })) {
    if (!model.isDirectory()) continue;
    for (const f of readdirSync(join(dir, model.name))) {
      if (!f.endsWith('.pending') && !f.endsWith('.tmp')) continue;
      rmSync(join(dir, model.name, f), { force: true });
      done.push(join(dir, model.name, f));
    }
  }
  return done;
}
