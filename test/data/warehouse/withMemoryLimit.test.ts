// withMemoryLimit: lowers DuckDB's limit for a piece of work, never raises it, and puts the warehouse's own back.
import { afterEach, describe, expect, it } from 'vitest';
import { sizeBytes, withMemoryLimit } from '../../../data/warehouse/withMemoryLimit.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

const limit = (w: Warehouse) => w.scalar<string>("select current_setting('memory_limit')");

describe('sizeBytes', () => {
  it('reads config sizes in powers of 1000 and DuckDB settings in powers of 1024', () => {
    expect(sizeBytes('3GB')).toBe(3e9);
    expect(sizeBytes('512MB')).toBe(512e6);
    expect(sizeBytes('2.5 GB')).toBe(2.5e9);
    expect(sizeBytes('953.6 MiB')).toBeCloseTo(953.6 * 2 ** 20);
    expect(sizeBytes('18.8 GiB')).toBeCloseTo(18.8 * 2 ** 30);
    expect(sizeBytes('0 bytes')).toBe(0);
  });

  it('refuses what is not a size', () => {
    expect(() => sizeBytes('lots')).toThrow('"lots" is not a size like 3GB or 512 MiB');
    expect(() => sizeBytes('3 parsecs')).toThrow('"3 parsecs" is not a size like 3GB or 512 MiB');
  });
});

describe('withMemoryLimit', () => {
  it('lowers the limit inside and restores the warehouse’s own after, also when the work throws', async () => {
    wh = await Warehouse.open({ path: ':memory:', memoryLimit: '3GB' });
    expect(await limit(wh)).toBe('2.7 GiB');
    const w = wh;
    expect(await withMemoryLimit(w, '1GB', () => limit(w))).toBe('953.6 MiB');
    expect(await limit(wh)).toBe('2.7 GiB');
    await expect(
      withMemoryLimit(w, '1GB', () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await limit(wh)).toBe('2.7 GiB');
  });

  it('never raises a lower limit', async () => {
    wh = await Warehouse.open({ path: ':memory:', memoryLimit: '512MB' });
    const w = wh;
    expect(await withMemoryLimit(w, '1GB', () => limit(w))).toBe('488.2 MiB');
    expect(await limit(wh)).toBe('488.2 MiB');
  });

  it('restores DuckDB’s default on a warehouse opened without a limit', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    const before = await limit(wh);
    const w = wh;
    expect(await withMemoryLimit(w, '1GB', () => limit(w))).toBe('953.6 MiB');
    expect(await limit(wh)).toBe(before);
  });

  it('runs the work again under the warehouse’s own limit when it runs out of memory under the lower one', async () => {
    wh = await Warehouse.open({ path: ':memory:', memoryLimit: '3GB' });
    const w = wh;
    const seen: string[] = [];
    const retries: string[] = [];
    const out = await withMemoryLimit(
      w,
      '1GB',
      async () => {
        seen.push(await limit(w));
        if (seen.length === 1) throw new Error('Out of Memory Error: could not allocate block of size 256.0 KiB\nmore');
        return 'written';
      },
      (why) => retries.push(why),
    );
    expect(out).toBe('written');
    expect(seen).toEqual(['953.6 MiB', '2.7 GiB']);
    expect(retries).toEqual([
      "out of memory under 1GB (Out of Memory Error: could not allocate block of size 256.0 KiB); running again under the warehouse's own limit",
    ]);
    expect(await limit(wh)).toBe('2.7 GiB');
  });

  it('does not run the work again for any other failure', async () => {
    wh = await Warehouse.open({ path: ':memory:', memoryLimit: '3GB' });
    let calls = 0;
    await expect(
      withMemoryLimit(wh, '1GB', async () => {
        calls++;
        throw new Error('IO Error: No space left on device');
      }),
    ).rejects.toThrow('No space left on device');
    expect(calls).toBe(1);
    expect(await limit(wh)).toBe('2.7 GiB');
  });
});
