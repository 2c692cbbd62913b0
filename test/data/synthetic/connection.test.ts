// Generating into an open DuckDB connection leaves the contract and truth tables in a schema and nothing else behind.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { generateMarketplace } from '../../../data/synthetic/generateMarketplace.ts';
import { ValidationError } from '../../../data/validation/errors.ts';
import { rows, SMALL, value } from './generateSmall.ts';

describe('generateMarketplace into a connection', () => {
  it('creates <schema>.<table> for the eight contract tables and three truth tables, drops its work tables, restores the schema', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const summary = await generateMarketplace({
        ...SMALL,
        buyers: 300,
        merchants: 30,
        weeks: 8,
        connection: conn,
        schema: 'synth',
      });
      const tables = await rows(conn, `select table_schema, table_name from information_schema.tables order by 1, 2`);
      expect(tables.map((t) => `${t.table_schema}.${t.table_name}`)).toEqual([
        'synth.buyers',
        'synth.investigations',
        'synth.merchant_actions',
        'synth.merchants',
        'synth.orders',
        'synth.refund_requests',
        'synth.reviews',
        'synth.service_tickets',
        'synth.truth_buyers',
        'synth.truth_merchants',
        'synth.truth_refund_requests',
      ]);
      expect(await value<string>(conn, 'select current_schema()')).toBe('main');
      expect(await value(conn, 'select count(*) from synth.orders')).toBe(summary.rows.orders);
      expect(summary.files).toEqual({});
      const types = await rows(
        conn,
        `select column_name, data_type from information_schema.columns where table_name = 'refund_requests' and column_name in ('amount', 'requested_at', 'escalated') order by 1`,
      );
      expect(types).toEqual([
        { column_name: 'amount', data_type: 'DECIMAL(18,2)' },
        { column_name: 'escalated', data_type: 'BOOLEAN' },
        { column_name: 'requested_at', data_type: 'TIMESTAMP' },
      ]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('rejects bad options with every problem listed', async () => {
    const attempt = generateMarketplace({
      seed: 1.5,
      buyers: 0,
      merchants: 10,
      weeks: 4,
      end: '2026-13-01',
      out: '/tmp/never',
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(
      /seed must be a whole number[\s\S]*buyers must be at least 1[\s\S]*end must be a date like 2026-11-02/,
    );
  });
});
