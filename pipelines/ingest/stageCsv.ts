// Stages a CSV file: its records as text in its raw table, each line that cannot be read as a record quarantined alone.
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { positionalColumns, positionalTextColumns, positionalTextColumnsDdl } from './columnLists.ts';
import { CsvFile } from './csvFile.ts';
import { RULES } from './ruleText.ts';
import { sourceColumnNames } from './sourceColumnNames.ts';
import type { RawRelation, StageInput } from './stageFile.ts';
import { dropTableIfExists, type RawTables } from './tempTables.ts';

interface CsvScan {
  header: string[];
  rows: number;
  /**
   * Whether DuckDB's reader can copy the file as it is: every record one line, none damaged, no lone CR, no blank line
   * between, one kind of line break (DuckDB refuses a whole file that mixes CR LF and LF: appended or concatenated
   * exports).
   */
  plain: boolean;
}

/**
 * Reads the file once without keeping values: its header, and whether it needs ingest's own record-by-record reading.
 */
function scanCsv(inp: StageInput, delimiter: string): CsvScan {
  const f = new CsvFile(inp.path, delimiter, false);
  try {
    let header;
    try {
      header = f.header();
    } catch (err) {
      throw new UserError(`${inp.display}: ${(err as Error).message}; a CSV file needs a header naming its columns`);
    }
    if (!header)
      throw new UserError(`${inp.display}: empty file, no header line; a CSV file needs a header naming its columns`);
    let rows = 0;
    let plain = header.lines === 1;
    let lastLine = header.lines;
    const endings = new Set<string>();
    if (header.ending) endings.add(header.ending);
    for (const item of f.items()) {
      rows++;
      if (item.kind === 'bad' || item.lines > 1 || item.loneCr || item.line !== lastLine + 1) plain = false;
      else if (item.ending) endings.add(item.ending);
      lastLine = item.line;
    }
    if (endings.size > 1) plain = false;
    return { header: header.names, rows, plain };
  } finally {
    f.close();
  }
}

/**
 * DuckDB's reader, for a file ingest found plain; false (and nothing left behind) when DuckDB counts it otherwise. An
 * error is not caught: inside the batch's transaction it has aborted the transaction already.
 */
async function copyPlain(
  wh: Warehouse,
  inp: StageInput,
  raw: string,
  scan: CsvScan,
  delimiter: string,
): Promise<boolean> {
  await wh.run(
    readSql(new URL('./sql/stage/stage_csv.sql', import.meta.url), {
      raw: quoteIdent(raw),
      columns: positionalTextColumns(scan.header.length),
    }),
    {
      path: inp.path,
      delimiter,
    },
  );
  const rows = Number(
    await wh.scalar(readSql(new URL('./sql/count_rows.sql', import.meta.url), { table: quoteIdent(raw) })),
  );
  const rejects = Number(await wh.scalar(readSql(new URL('./sql/stage/count_csv_rejects.sql', import.meta.url))));
  if (rows === scan.rows && rejects === 0) return true;
  await dropTableIfExists(wh, raw);
  return false;
}

/** Ingest's own reading: every record appended with its row and line, every unreadable line quarantined. */
async function copyRecovered(
  wh: Warehouse,
  inp: StageInput,
  raw: string,
  scan: CsvScan,
  delimiter: string,
): Promise<number> {
  await wh.run(
    readSql(new URL('./sql/stage/create_csv_recovered.sql', import.meta.url), {
      raw: quoteIdent(raw),
      columns: positionalTextColumnsDdl(scan.header.length),
    }),
  );
  await dropTableIfExists(wh, 'ingest_csv_bad');
  await wh.run(readSql(new URL('./sql/stage/create_csv_bad_lines.sql', import.meta.url)));
  const rows = await wh.conn.createAppender(raw, null, 'temp');
  const bad = await wh.conn.createAppender('ingest_csv_bad', null, 'temp');
  const f = new CsvFile(inp.path, delimiter, true);
  let rejected = 0;
  try {
    f.header();
    for (const item of f.items()) {
      if (item.kind === 'record') {
        rows.appendBigInt(BigInt(item.row));
        rows.appendBigInt(BigInt(item.line));
        for (const v of item.values!) {
          if (v === null) rows.appendNull();
          else rows.appendVarchar(v);
        }
        rows.endRow();
      } else {
        rejected++;
        bad.appendBigInt(BigInt(item.row));
        bad.appendBigInt(BigInt(item.line));
        bad.appendVarchar(item.text);
        bad.appendVarchar(item.reason);
        bad.endRow();
      }
    }
  } finally {
    f.close();
    rows.closeSync();
    bad.closeSync();
  }
  await wh.run(readSql(new URL('./sql/stage/quarantine_csv_bad_lines.sql', import.meta.url)), {
    batch: inp.batchId,
    table: inp.table,
    file: inp.display,
    rule_prefix: RULES.csvUnparseable(''),
  });
  return rejected;
}

export async function stageCsv(wh: Warehouse, inp: StageInput, t: RawTables): Promise<RawRelation> {
  const delimiter = inp.mapping?.delimiter ?? ',';
  const scan = scanCsv(inp, delimiter);
  const names = sourceColumnNames(scan.header);
  const raw = quoteIdent(t.raw);
  for (const name of ['ingest_rejects', 'ingest_reject_scans', t.raw]) await dropTableIfExists(wh, name);
  const columns = positionalColumns(names);
  if (scan.plain && (await copyPlain(wh, inp, t.raw, scan, delimiter))) {
    return {
      select: readSql(new URL('./sql/stage/csv_rows.sql', import.meta.url), { raw, columns }),
      parseRejected: 0,
      header: scan.header,
      names,
    };
  }
  const parseRejected = await copyRecovered(wh, inp, t.raw, scan, delimiter);
  return {
    select: readSql(new URL('./sql/stage/csv_recovered_rows.sql', import.meta.url), { raw, columns }),
    parseRejected,
    header: scan.header,
    names,
  };
}
