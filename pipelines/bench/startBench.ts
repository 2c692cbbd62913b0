// `npm start` as a new user meets it, timed: an empty folder, the default marketplace generated, its week run.
import { join } from 'node:path';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { writeBenchConfig } from './benchFolder.ts';
import { runCli } from './runCli.ts';
import type { StartResult } from './sizeResult.ts';

export async function benchStart(work: string): Promise<StartResult> {
  const dir = join(work, 'start');
  const { config, warehouse } = writeBenchConfig(dir, join(dir, 'data'));
  console.error('# start: `trustlens start` on an empty folder (default marketplace, generation included) …');
  const measured = runCli(['start', '--config', config], 'start');
  const wh = await Warehouse.open({ path: warehouse, readOnly: true });
  try {
    return { ...measured, orders: Number(await wh.scalar<bigint>('select count(*) from orders')) };
  } finally {
    wh.close();
  }
}
