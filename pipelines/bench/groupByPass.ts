// The yardstick of the features stage: one plain DuckDB GROUP BY pass per buyer over the warehouse's orders, timed like
// a stage.
import { readSql } from '../../data/warehouse/readSql.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';

export interface GroupByPass {
  /** Fastest of the timed passes, after one warm-up pass. */
  seconds: number;
  cpuSeconds: number;
  buyers: number;
}

/**
 * Opens the warehouse as the run does (same memory limit), runs the pass `passes` times into a temp table after one
 * warm-up, keeps the fastest: the features stage finds the orders warm after ingest too.
 */
export async function timeGroupByPass(path: string, memoryLimit: string, passes = 3): Promise<GroupByPass> {
  const sql = readSql(new URL('./sql/bench_group_by_pass.sql', import.meta.url));
  const wh = await Warehouse.open({ path, memoryLimit });
  try {
    let best = { seconds: Infinity, cpuSeconds: Infinity };
    for (let i = 0; i <= passes; i++) {
      const t0 = performance.now();
      const cpu = process.cpuUsage();
      await wh.run(`create or replace temp table bench_group_by as ${sql}`);
      const used = process.cpuUsage(cpu);
      const seconds = (performance.now() - t0) / 1000;
      if (i > 0 && seconds < best.seconds) best = { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
    }
    const buyers = Number(await wh.scalar<bigint>('select count(*) from bench_group_by'));
    return { ...best, buyers };
  } finally {
    wh.close();
  }
}
