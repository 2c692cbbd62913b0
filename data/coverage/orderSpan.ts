// The first and latest order times, which the report's coverage notice and govern's held-back weeks both read.
import { readSql } from '../warehouse/readSql.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';

/** First and latest order time ("YYYY-MM-DD HH:MM" UTC), both null without orders. */
export async function orderSpan(wh: Warehouse): Promise<{ dataStart: string | null; dataEnd: string | null }> {
  const [row] = await wh.all<{ data_start: string | null; data_end: string | null }>(
    readSql(new URL('./sql/order_span.sql', import.meta.url)),
  );
  return { dataStart: row?.data_start ?? null, dataEnd: row?.data_end ?? null };
}
