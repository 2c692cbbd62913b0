// The warehouse checkpoints rarely (CHECKPOINT_THRESHOLD): what a killed run committed is in the log and survives.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

const WAREHOUSE_TS = join(import.meta.dirname, '../../../data/warehouse/Warehouse.ts');
let dir: string | undefined;
let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the write-ahead log of a warehouse', () => {
  it('holds a commit of a process that exits without closing, and the next open replays it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'trustlens-wal-'));
    const path = join(dir, 'warehouse.duckdb');
    const script = `
      import { Warehouse } from ${JSON.stringify(WAREHOUSE_TS)};
      const wh = await Warehouse.open({ path: ${JSON.stringify(path)} });
      await wh.run('create table scores (id bigint, key ubigint)');
      // one week's publish after another: commits below a row group go through the log, not straight to the file
      for (let w = 0; w < 30; w++)
        await wh.run('insert into scores select range, hash(range) from range(' + w * 60000 + ', ' + (w + 1) * 60000 + ')');
      process.exit(0);`;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'pipe' });
    // 30 commits of hashes, which do not compress: at DuckDB's default 16 MB threshold they would have been
    // checkpointed into the file and the log emptied
    expect(statSync(`${path}.wal`).size).toBeGreaterThan(16 * 2 ** 20);
    wh = await Warehouse.open({ path });
    expect(
      await wh.all(
        'select count(*) as n, count(distinct key) as keys, sum(id) as ids, min(key) = min(hash(id)) as same from scores',
      ),
    ).toEqual([{ n: 1800000n, keys: 1800000n, ids: 1619999100000n, same: true }]);
  });
});
