// A DuckDB warehouse connection with UTC pinned, bound parameters, and plain-JS row objects.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { UserError } from '../validation/errors.ts';

export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export interface WarehouseOptions {
  /** DuckDB file, or ':memory:'. */
  path: string;
  threads?: number;
  memoryLimit?: string;
  /**
   * Open without taking the write lock (other readers may share the file; a writer elsewhere keeps it from opening).
   */
  readOnly?: boolean;
}

/**
 * DuckDB checkpoints once its write-ahead log passes this size (its default is 16 MB). A weekly run publishes every
 * replayed week's features and scores in turn, and at the default each publish of a few MB set off a checkpoint that
 * rewrote the tables it touched: `npm start` spent about 3 s of its minute there. The log is as durable as the file
 * (a warehouse reopened after a crash replays it), and closing the warehouse checkpoints once.
 */
export const CHECKPOINT_THRESHOLD = '1GB';

export class Warehouse {
  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** The memory limit it was opened with (null: DuckDB's default, 80% of the machine's memory). */
    readonly memoryLimit: string | null,
  ) {}

  static async open(options: WarehouseOptions): Promise<Warehouse> {
    if (options.path !== ':memory:' && !options.readOnly) mkdirSync(dirname(options.path), { recursive: true });
    const config: Record<string, string> = {};
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    config.checkpoint_threshold = CHECKPOINT_THRESHOLD;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.path, config);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      // DuckDB's exclusive file lock: another process has the warehouse open for writing (or we want to write).
      if (/Could not set lock on file/.test(msg)) {
        throw new UserError(
          `warehouse ${options.path} is open in another process (${msg.split('\n')[0]}); ` +
            'wait for it to finish, or pass --warehouse to use another file',
        );
      }
      throw err;
    }
    const conn = await instance.connect();
    // TimeZone is an ICU setting that cannot be passed at instance creation; pin it per connection.
    await conn.run("set TimeZone = 'UTC'");
    return new Warehouse(options.path, instance, conn, options.memoryLimit ?? null);
  }

  /** Runs a statement (or several separated by ';' when there are no params). */
  async run(sql: string, params?: SqlParams): Promise<void> {
    if (params === undefined) await this.conn.run(sql);
    else await this.conn.run(sql, params);
  }

  /** Runs a query and returns rows as JS objects (BIGINT comes back as bigint, DECIMAL as number). */
  async all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader =
      params === undefined ? await this.conn.runAndReadAll(sql) : await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  /** Runs a query expected to return one value. */
  async scalar<T = unknown>(sql: string, params?: SqlParams): Promise<T> {
    const rows = await this.all(sql, params);
    const first = rows[0];
    if (!first) throw new Error(`query returned no rows: ${sql.slice(0, 80)}`);
    return Object.values(first)[0] as T;
  }

  async tableExists(name: string): Promise<boolean> {
    const n = await this.scalar<bigint>(
      'select count(*) from information_schema.tables where table_schema = current_schema() and table_name = $name',
      { name },
    );
    return n > 0n;
  }

  /** Runs fn inside a transaction; rolls back on any error so the warehouse is left as it was. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run('begin transaction');
    try {
      const out = await fn();
      await this.conn.run('commit');
      return out;
    } catch (err) {
      // A failed commit (a full disk, say) has already ended the transaction: the rollback then fails too, and its
      // "no transaction is active" must not hide the cause.
      await this.conn.run('rollback').catch(() => undefined);
      throw err;
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
