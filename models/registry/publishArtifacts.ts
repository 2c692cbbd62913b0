// Publishes the artifacts of one training run together: a kill at any moment leaves either the previous artifacts or
// all the new ones (the next writer finishes a publication that was committed), never a new model beside an old one.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactFile } from './artifactFile.ts';
import { artifactDates, artifactPath } from './artifactStore.ts';

/** The commit record of a publication: the moves still to make. Present only between commit and completion. */
const JOURNAL = '.publishing.json';

interface Move {
  from: string;
  to: string;
  model: string;
}

function pointLatest(dir: string, model: string): void {
  const folder = join(dir, model);
  const newest = artifactDates(dir, model as ArtifactFile['model']).at(-1);
  if (newest === undefined) return;
  writeFileSync(`${join(folder, 'latest.json')}.tmp`, JSON.stringify({ date: newest }) + '\n');
  renameSync(`${join(folder, 'latest.json')}.tmp`, join(folder, 'latest.json'));
}

function complete(dir: string, moves: Move[]): void {
  for (const m of moves) if (existsSync(m.from)) renameSync(m.from, m.to);
  for (const model of new Set(moves.map((m) => m.model))) pointLatest(dir, model);
  rmSync(join(dir, JOURNAL), { force: true });
}

/**
 * Writes each artifact beside its place as `.pending`, commits the publication by writing the journal (one atomic
 * rename), then moves them in. Returns the artifacts' paths.
 */
export function publishArtifacts(dir: string, artifacts: readonly ArtifactFile[]): string[] {
  const moves: Move[] = artifacts.map((a) => {
    const to = artifactPath(dir, a.model, a.asOf);
    writeFileSync(`${to}.pending`, JSON.stringify(a) + '\n');
    return { from: `${to}.pending`, to, model: a.model };
  });
  if (moves.length === 0) return [];
  writeFileSync(join(dir, `${JOURNAL}.tmp`), JSON.stringify(moves) + '\n');
  renameSync(join(dir, `${JOURNAL}.tmp`), join(dir, JOURNAL));
  complete(dir, moves);
  return moves.map((m) => m.to);
}

/**
 * What a killed training left: a committed publication is finished; artifacts of an uncommitted one (`.pending`) and
 * half-written files (`.tmp`) are removed. Run by every writing command before it starts (it holds the run lock).
 */
export function recoverArtifacts(dir: string): void {
  if (!existsSync(dir)) return;
  const journal = join(dir, JOURNAL);
  if (existsSync(journal)) complete(dir, JSON.parse(readFileSync(journal, 'utf8')) as Move[]);
  rmSync(`${journal}.tmp`, { force: true });
  for (const model of readdirSync(dir, { withFileTypes: true })) {
    if (!model.isDirectory()) continue;
    for (const f of readdirSync(join(dir, model.name))) {
      if (f.endsWith('.pending') || f.endsWith('.tmp')) rmSync(join(dir, model.name, f), { force: true });
    }
  }
}
