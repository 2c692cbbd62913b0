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

  it('refuses a folder holding anything but reports, and leaves every file in it', () => {
    root = mkdtempSync(join(tmpdir(), 'trustlens-reports-'));
    const out = join(root, 'week-files');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'orders.csv'), 'order_id\no1\n');
    writeFileSync(join(out, 'notes.txt'), 'precious');
    writeFileSync(join(out, 'sub', 'q3.xlsx'), 'q');
    expect(() => writeReportsAtomically(out, { 'index.html': 'new' })).toThrow(
      `reports folder ${out} holds files that are not reports (`,
    );
    expect(() => writeReportsAtomically(out, { 'index.html': 'new' })).toThrow(
      'the reports replace the whole folder, so choose a new or empty --out',
    );
    expect(readFileSync(join(out, 'orders.csv'), 'utf8')).toBe('order_id\no1\n');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(out, 'sub', 'q3.xlsx'), 'utf8')).toBe('q');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('refuses a website beside an index.html: only pages and CSVs of a previous set are replaced', () => {
    root = mkdtempSync(join(tmpdir(), 'trustlens-reports-'));
    const out = join(root, 'site');
    mkdirSync(join(out, 'css'), { recursive: true });
    writeFileSync(join(out, 'index.html'), 'home');
    writeFileSync(join(out, 'css', 'site.css'), 'body{}');
    expect(() => writeReportsAtomically(out, { 'index.html': 'new' })).toThrow(
      /holds files that are not reports \(css\)/,
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('home');
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
