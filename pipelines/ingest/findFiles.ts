// Finds input files: the default <table>* naming in the --from folder, or a mapping's glob.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { TABLE_NAMES, type TableName } from '../../data/contracts/index.ts';
import { naturalOrder } from './naturalOrder.ts';
import { formatOf } from './sourceFile.ts';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Table a file belongs to by name: <table>.<ext>, <table>[-_. ]<anything>.<ext>, or any file in a <table>/ folder. */
export function tableOfFile(relPath: string): TableName | undefined {
  const parts = relPath.split(sep);
  if (parts.length === 2 && (TABLE_NAMES as readonly string[]).includes(parts[0]!)) return parts[0] as TableName;
  if (parts.length !== 1) return undefined;
  const stem = parts[0]!.replace(/\.[^.]+$/, '');
  return TABLE_NAMES.find((t) => stem === t || (stem.startsWith(t) && /^[-_. ]/.test(stem.slice(t.length))));
}

export interface FoundFiles {
  byTable: Map<TableName, string[]>;
  /** Files in --from that belong to no table (reported, not loaded). */
  ignored: string[];
}

/**
 * Default layout: files named after the contract tables, in natural path order (the order rows are "first loaded", so a
 * later file's version of a row wins: week_10 after week_9).
 */
export function findDefaultFiles(from: string): FoundFiles {
  const byTable = new Map<TableName, string[]>();
  const ignored: string[] = [];
  for (const abs of walk(from).sort(naturalOrder)) {
    const rel = relative(from, abs);
    const table = formatOf(abs) ? tableOfFile(rel) : undefined;
    if (!table) {
      if (rel.split(sep).length === 1) ignored.push(rel);
      continue;
    }
    byTable.set(table, [...(byTable.get(table) ?? []), abs]);
  }
  return { byTable, ignored };
}

function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      // "**/" also matches no folder at all.
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files under `from` matching a glob (*, ?, **) relative to it, in natural path order. */
export function globFiles(from: string, glob: string): string[] {
  const re = globRegex(glob.replaceAll('\\', '/'));
  return walk(from)
    .filter((abs) => statSync(abs).isFile() && re.test(relative(from, abs).split(sep).join('/')))
    .sort(naturalOrder);
}
