// Test helper: an in-memory warehouse with literal contract rows, score history and buyer groups for the simulator.
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBValue } from '@duckdb/node-api';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import { createContractTables, insertMarketplace, type Marketplace } from '../features/fixtures/contractTables.ts';

export interface BuyerScore {
  as_of: string;
  buyer_id: string;
  risk: number;
  tier?: string;
}
export interface MerchantScore {
  as_of: string;
  merchant_id: string;
  trust: number;
  tier: string;
}
export interface GroupRow {
  as_of: string;
  group_id: string;
  buyer_id: string;
}

export interface SimFixture extends Marketplace {
  buyerScores?: BuyerScore[];
  merchantScores?: MerchantScore[];
  groups?: GroupRow[];
}

/**
 * Opens ':memory:'. DuckDB builds without ICU autoload reject the TimeZone option at creation,
 * so on that error the instance is created plainly and the zone set afterwards (results are UTC either way).
 */
async function openMemory(): Promise<Warehouse> {
  try {
    return await Warehouse.open({ path: ':memory:', threads: 1 });
  } catch (err) {
    if (!/TimeZone/.test(String(err))) throw err;
    const create = DuckDBInstance.create.bind(DuckDBInstance);
    const patched = async (path?: string, options?: Record<string, string>) => {
      const { TimeZone: _tz, ...rest } = options ?? {};
      return create(path, rest);
    };
    DuckDBInstance.create = patched as typeof DuckDBInstance.create;
    const wh = await Warehouse.open({ path: ':memory:', threads: 1 });
    await wh.run("set TimeZone = 'UTC'");
    return wh;
  }
}

export async function simWarehouse(data: SimFixture): Promise<Warehouse> {
  const wh = await openMemory();
  await createContractTables(wh);
  await insertMarketplace(wh, data);
  await wh.run(readSql(new URL('../../../data/warehouse/tables/score_tables.sql', import.meta.url)));
  await wh.run('create table buyer_groups (as_of date, group_id varchar, buyer_id varchar)');
  for (const s of data.buyerScores ?? []) {
    const tier = s.tier ?? (s.risk >= 0.5 ? 'high' : s.risk >= 0.2 ? 'elevated' : 'normal');
    await wh.run('insert into score_buyer_history values ($1::date, $2, $3, $4, [], 0, 0, null, $1::date)', [
      s.as_of,
      s.buyer_id,
      s.risk,
      tier,
    ] as DuckDBValue[]);
  }
  for (const s of data.merchantScores ?? []) {
    await wh.run('insert into score_merchant_history values ($1::date, $2, $3, $4, 50, 50, 50, 50, [], $1::date)', [
      s.as_of,
      s.merchant_id,
      s.trust,
      s.tier,
    ] as DuckDBValue[]);
  }
  for (const g of data.groups ?? []) {
    await wh.run('insert into buyer_groups values ($1::date, $2, $3)', [g.as_of, g.group_id, g.buyer_id]);
  }
  return wh;
}
