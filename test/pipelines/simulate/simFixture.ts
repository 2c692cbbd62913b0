// Test helper: the simulator's warehouse: contract rows (test/support), score history and buyer groups.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import type { Marketplace } from '../../support/contractRows.ts';
import { marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';

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

export async function simWarehouse(data: SimFixture): Promise<Warehouse> {
  const wh = await marketplaceWarehouse(data);
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
