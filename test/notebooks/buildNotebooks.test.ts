// The notebook build's inputs: which export it picks and the errors that tell the user what to run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLatestExport, readExportManifest } from '../../notebooks/buildNotebooks.ts';

const manifest = {
  format: 'trustlens-export/1',
  as_of: '2026-11-02',
  files: [
    {
      name: 'feat_buyer',
      file: 'feat_buyer.parquet',
      rows: 1,
      description: 'x',
      columns: [{ name: 'buyer_id', type: 'VARCHAR' }],
    },
  ],
  skipped: [],
  settings: { replay_weeks: 12, lookback_days: 90, review_capacity: 200, buyer_high: 0.5 },
  catalog: null,
};

describe('notebook build inputs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trustlens-nbbuild-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('findLatestExport picks the newest dated folder that holds a manifest', () => {
    for (const d of ['2026-10-26', '2026-11-02', '2026-11-09']) mkdirSync(join(dir, d, 'data'), { recursive: true });
    writeFileSync(join(dir, '2026-10-26', 'data', 'manifest.json'), '{}');
    writeFileSync(join(dir, '2026-11-02', 'data', 'manifest.json'), '{}');
    expect(findLatestExport(dir)).toBe(join(dir, '2026-11-02', 'data'));
    expect(findLatestExport(join(dir, 'nowhere'))).toBeNull();
  });

  it('readExportManifest names a missing manifest and the command that writes one', () => {
    expect(() => readExportManifest(dir)).toThrow(
      `${join(dir, 'manifest.json')} not found: --data must be a folder written by \`trustlens export\` (it holds manifest.json)`,
    );
  });

  it('readExportManifest reports every schema problem with the key', () => {
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, as_of: 'last week', format: 'v0' }));
    expect(() => readExportManifest(dir)).toThrow(
      `${join(dir, 'manifest.json')}: 2 problems\n` +
        '  - key format: got "v0"; must be "trustlens-export/1"; re-run `trustlens export` with this version\n' +
        '  - key as_of: got "last week"; must be a date like 2026-11-02',
    );
  });

  it('readExportManifest refuses a manifest whose files are missing', () => {
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    expect(() => readExportManifest(dir)).toThrow(
      `lists feat_buyer.parquet but it is not in ${dir}; re-run \`trustlens export\``,
    );
    writeFileSync(join(dir, 'feat_buyer.parquet'), '');
    expect(readExportManifest(dir).as_of).toBe('2026-11-02');
  });
});
