// Replacing a week's reports swaps the whole folder at once but carries over the notebook export in data/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReportsAtomically } from '../../reports/buildReports.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writeReportsAtomically', () => {
  it('replaces the pages, drops files of the previous set and keeps data/', () => {
    root = mkdtempSync(join(tmpdir(), 'trustlens-reports-'));
    const out = join(root, '2026-11-02');
    writeReportsAtomically(out, { 'index.html': 'old', 'stale.html': 'old' });
    mkdirSync(join(out, 'data'));
    writeFileSync(join(out, 'data', 'manifest.json'), '{"files":[]}');
    writeReportsAtomically(out, { 'index.html': 'new' });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(readFileSync(join(out, 'data', 'manifest.json'), 'utf8')).toBe('{"files":[]}');
  });

  it('keeps the previous pages and data/ when writing fails', () => {
    root = mkdtempSync(join(tmpdir(), 'trustlens-reports-'));
    const out = join(root, '2026-11-02');
    writeReportsAtomically(out, { 'index.html': 'old' });
    mkdirSync(join(out, 'data'));
    writeFileSync(join(out, 'data', 'manifest.json'), 'kept');
    // A file name with a folder that does not exist makes the write fail half-way.
    expect(() => writeReportsAtomically(out, { 'index.html': 'new', 'missing/page.html': 'x' })).toThrow(/ENOENT/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readFileSync(join(out, 'data', 'manifest.json'), 'utf8')).toBe('kept');
  });
});
