// Benchmark: one features build (staging → features, checks, publish) on an existing warehouse, with row counts and time.
import { buildFeatures } from '../features/buildFeatures.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';

export interface FeaturesBenchResult {
  asOf: string;
  orders: number;
  buyers: number;
  merchants: number;
  linkedBuyers: number;
  seconds: number;
  /** CPU seconds of the process during the build (steadier than wall time on a shared machine). */
  cpuSeconds: number;
}

/** Builds features once as of `asOf` on the warehouse at `warehousePath` (which must hold ingested contract tables). */
export async function benchFeatures(warehousePath: string, asOf: string): Promise<FeaturesBenchResult> {
  const wh = await Warehouse.open({ path: warehousePath });
  try {
    const r = await buildFeatures(wh, asOf);
    const orders = Number(await wh.scalar<bigint>('select count(*) from orders'));
    return { asOf, orders, buyers: r.buyers, merchants: r.merchants, linkedBuyers: r.linkedBuyers, seconds: r.seconds, cpuSeconds: r.cpuSeconds };
  } finally {
    wh.close();
  }
}
