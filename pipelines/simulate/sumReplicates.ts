// Builds sim_replicate_cells: the Poisson bootstrap's weighted sums per (scenario, category, merchant tier) cell and
// replicate, summed in typed arrays over sim_cells (per-buyer sums) with the weights DuckDB draws.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { UserError } from '../../data/validation/errors.ts';
import { addWeightedInThreads } from './addWeightedInThreads.ts';

export interface ReplicateOptions {
  /** Bootstrap replicates (r = 1..replicates); 0 writes no replicate rows. */
  replicates: number;
  seed: number;
  /** Threads adding the weighted sums (default 1); the sums are the same to the bit for any number. */
  threads?: number;
}

/**
 * Bound on every weighted sum: whole-number doubles below 2^53 add exactly in any order, and a money sum's __hi part
 * below 2^50 also casts back to its decimal exactly (sim_replicate_cells.sql); 2^50 of 1e-4 is 112 billion.
 */
const EXACT_LIMIT = 2 ** 50;
/** The largest Poisson weight sim_buyer_weights.sql draws. */
const MAX_WEIGHT = 7;

function sql(file: string): string {
  return readSql(new URL(`./sql/${file}`, import.meta.url));
}

/** One digit string per buyer into one array of weights: buyer bk's replicate r (from 0) at bk * replicates + r. */
async function readWeights(wh: Warehouse, buyers: number, replicates: number): Promise<Uint8Array> {
  const weights = new Uint8Array(new SharedArrayBuffer(buyers * replicates));
  const result = await wh.conn.stream('select cast(bk as integer) as bk, weights from sim_buyer_weights');
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const bks = chunk.getColumnVector(0);
    const digits = chunk.getColumnVector(1);
    for (let i = 0; i < chunk.rowCount; i++) {
      const base = (bks.getItem(i) as number) * replicates;
      const s = digits.getItem(i) as string;
      for (let r = 0; r < replicates; r++) weights[base + r] = s.charCodeAt(r) - 48;
    }
  }
  return weights;
}

/** sim_boot_cells' rows with their non-zero values: row i's are at [start[i], start[i + 1]). */
interface CellValues {
  /** Value columns after bk and cid, in order. */
  names: string[];
  bk: Int32Array;
  cid: Int32Array;
  start: Int32Array;
  /** The value's column. */
  slot: Uint8Array;
  value: Float64Array;
  /** Per column, the largest weighted sum any replicate can reach: what must stay below EXACT_LIMIT. */
  bound: Float64Array;
}

async function readValues(wh: Warehouse): Promise<CellValues> {
  const names = (await wh.all<{ column_name: string }>('describe sim_boot_cells')).map((r) => r.column_name).slice(2);
  const M = names.length;
  // Sized once, to the non-zero values (an unknown one counted too: it stops the read below), so no array grows
  // and leaves its old copy behind: at 10M orders the cells hold some nine million values.
  const nonZero = names.map((n) => `coalesce(${quoteIdent(n)} <> 0, true)::bigint`).join(' + ');
  const [size] = await wh.all<{ rows: bigint; slots: bigint }>(
    `select count(*) as rows, coalesce(sum(${nonZero}), 0) as slots from sim_boot_cells`,
  );
  const rows = Number(size!.rows);
  const slots = Number(size!.slots);
  const result = await wh.conn.stream('select * from sim_boot_cells');
  // in shared memory, so the summing threads read them in place (addWeightedInThreads)
  const bk = new Int32Array(new SharedArrayBuffer(rows * 4));
  const cid = new Int32Array(new SharedArrayBuffer(rows * 4));
  const start = new Int32Array(new SharedArrayBuffer((rows + 1) * 4));
  const slot = new Uint8Array(new SharedArrayBuffer(slots));
  const value = new Float64Array(new SharedArrayBuffer(slots * 8));
  const bound = new Float64Array(M);
  let n = 0;
  let row = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const rowCount = chunk.rowCount;
    const bks = chunk.getColumnVector(0);
    const cids = chunk.getColumnVector(1);
    const columns = names.map((_, c) => chunk!.getColumnVector(c + 2));
    for (let i = 0; i < rowCount; i++, row++) {
      bk[row] = bks.getItem(i) as number;
      cid[row] = cids.getItem(i) as number;
      start[row] = n;
      for (let c = 0; c < M; c++) {
        const v = columns[c]!.getItem(i) as number | null;
        // sim_cells sums amounts the replay always sets; an unknown one would read as 0 here (SQL's sum kept NULL)
        if (v === null) throw new Error(`bootstrap: sim_cells has no value of ${names[c]} for a buyer's cell`);
        if (v === 0) continue;
        slot[n] = c;
        value[n++] = v;
        bound[c]! += MAX_WEIGHT * Math.abs(v);
      }
    }
  }
  start[row] = n;
  return { names, bk, cid, start, slot, value, bound };
}

/**
 * Writes the temp tables sim_buyer_weights, sim_cell_keys, sim_boot_cells, sim_replicate_slots and
 * sim_replicate_cells (scenario, category, merchant_tier, r, the interval metrics): the sums of each cell's buyers
 * weighted by their Poisson draw in replicate r, for the replicates that drew at least one of the cell's buyers — the
 * rows a join of cells and weights grouped by cell and replicate gives, to the bit. Expects sim_cells.
 */
export async function sumReplicates(wh: Warehouse, options: ReplicateOptions): Promise<void> {
  const R = options.replicates;
  await wh.run(`create or replace temp table sim_buyer_weights as ${sql('sim_buyer_weights.sql')}`, {
    replicates: R,
    seed: options.seed,
  });
  await wh.run(`create or replace temp table sim_cell_keys as ${sql('sim_cell_keys.sql')}`);
  await wh.run(`create or replace temp table sim_boot_cells as ${sql('sim_boot_cells.sql')}`);
  const B = Number(await wh.scalar<bigint>('select count(*) from sim_buyer_weights'));
  const C = Number(await wh.scalar<bigint>('select count(*) from sim_cell_keys'));
  const { names, bk, cid, start, slot, value, bound } = await readValues(wh);
  const M = names.length;
  const tooLarge = R > 0 ? names.filter((_, c) => bound[c]! >= EXACT_LIMIT) : [];
  if (tooLarge.length) {
    const metrics = [...new Set(tooLarge.map((n) => n.replace(/__(hi|lo)$/, '')))].join(', ');
    const largest = Math.max(...tooLarge.map((n) => bound[names.indexOf(n)]!));
    throw new UserError(
      `simulate: a bootstrap replicate's sum of ${metrics} could reach ${largest.toExponential(2)} (money in units ` +
        `of 0.0001), past 2^50, the most it can add exactly; replay fewer weeks (simulate.weeks in the config) so ` +
        `each segment's replayed sums stay smaller`,
    );
  }
  // Every cell row counts at least one request, so a replicate drew one of a cell's buyers iff its requests sum is > 0.
  const requests = names.indexOf('requests');
  if (requests < 0) throw new Error('sim_boot_cells.sql: no requests column');
  const weights = R > 0 ? await readWeights(wh, B, R) : new Uint8Array(new SharedArrayBuffer(0));
  // Sums laid out cell by cell, then column, then replicate: a value's replicates add into a contiguous run, beside
  // the buyer's run of weights (replicate-major, a buyer's rows scattered their adds over 6 MB and ran several times
  // slower).
  const perCell = R * M;
  const acc = new Float64Array(new SharedArrayBuffer(C * perCell * 8));
  await addWeightedInThreads({ acc, weights, bk, cid, start, slot, value, R, M }, options.threads ?? 1);
  const columns = names.map((n) => `${quoteIdent(n)} double`).join(', ');
  await wh.run(`create or replace temp table sim_replicate_slots (cid bigint, r bigint, ${columns})`);
  const appender = await wh.conn.createAppender('sim_replicate_slots');
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const o = c * perCell + r;
      if (!(acc[o + requests * R]! > 0)) continue;
      appender.appendBigInt(BigInt(c));
      appender.appendBigInt(BigInt(r + 1));
      for (let m = 0; m < M; m++) appender.appendDouble(acc[o + m * R]!);
      appender.endRow();
    }
  }
  appender.closeSync();
  await wh.run(`create or replace temp table sim_replicate_cells as ${sql('sim_replicate_cells.sql')}`);
  // the rest of a run works under the same memory limit: the per-buyer inputs are done with
  for (const t of ['sim_replicate_slots', 'sim_boot_cells', 'sim_buyer_weights', 'sim_cell_keys'])
    await wh.run(`drop table if exists ${t}`);
}
