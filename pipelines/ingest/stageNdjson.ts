// Stages an NDJSON file: its lines as text in its raw table, lines that are not JSON objects quarantined.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { isUtf8 } from 'node:buffer';
import { contractColumnsFromList, contractJsonPaths, jsonKeyColumns } from './columnLists.ts';
import { ndjsonIsPlain, ndjsonLines } from './ndjsonFile.ts';
import { quarantineParseRejects } from './quarantineParseRejects.ts';
import { RULES } from './ruleText.ts';
import { sourceColumnNames } from './sourceColumnNames.ts';
import type { RawRelation, StageInput } from './stageFile.ts';
import { dropTable, dropTableIfExists, type RawTables } from './tempTables.ts';

/** A delimiter JSON text cannot hold raw, so read_csv reads each line as one field. */
const LINE_DELIMITER = '\u001f';

/**
 * Ingest's own line reading, for a file DuckDB's line reader would read otherwise; returns the lines not valid UTF-8.
 */
async function copyLines(wh: Warehouse, inp: StageInput, raw: string): Promise<number> {
  await wh.run(readSql(new URL('./sql/stage/create_ndjson_lines.sql', import.meta.url), { raw: quoteIdent(raw) }));
  await dropTableIfExists(wh, 'ingest_ndjson_bad');
  await wh.run(readSql(new URL('./sql/stage/create_ndjson_bad_lines.sql', import.meta.url)));
  const lines = await wh.conn.createAppender(raw, null, 'temp');
  const bad = await wh.conn.createAppender('ingest_ndjson_bad', null, 'temp');
  let rejected = 0;
  try {
    for (const l of ndjsonLines(inp.path)) {
      if (isUtf8(l.bytes)) lines.appendVarchar(l.bytes.toString('utf8'));
      else {
        lines.appendNull();
        bad.appendBigInt(BigInt(l.line));
        bad.appendVarchar(l.bytes.toString('utf8'));
        bad.endRow();
        rejected++;
      }
      lines.endRow();
    }
  } finally {
    lines.closeSync();
    bad.closeSync();
  }
  await wh.run(readSql(new URL('./sql/stage/quarantine_ndjson_bad_lines.sql', import.meta.url)), {
    batch: inp.batchId,
    table: inp.table,
    file: inp.display,
    rule: RULES.notUtf8Line,
  });
  return rejected;
}

async function stageLines(wh: Warehouse, inp: StageInput, raw: string): Promise<number> {
  await dropTableIfExists(wh, raw);
  const slots = { raw: quoteIdent(raw) };
  let notUtf8 = 0;
  if (ndjsonIsPlain(inp.path, LINE_DELIMITER.charCodeAt(0))) {
    await wh.run(readSql(new URL('./sql/stage/stage_ndjson_lines.sql', import.meta.url), slots), {
      path: inp.path,
      delimiter: LINE_DELIMITER,
    });
  } else notUtf8 = await copyLines(wh, inp, raw);
  const notObject = await quarantineParseRejects(
    wh,
    inp,
    readSql(new URL('./sql/stage/count_ndjson_rejects.sql', import.meta.url), slots),
    readSql(new URL('./sql/stage/quarantine_ndjson_rejects.sql', import.meta.url), slots),
    { rule: RULES.notJsonObject },
  );
  return notUtf8 + notObject;
}

/** An unmapped NDJSON file: the contract columns are read by name from each line. */
export async function stageNdjson(
  wh: Warehouse,
  inp: StageInput,
  t: RawTables,
): Promise<{ select: string; parseRejected: number }> {
  const parseRejected = await stageLines(wh, inp, t.raw);
  const select = readSql(new URL('./sql/stage/ndjson_rows.sql', import.meta.url), {
    raw: quoteIdent(t.raw),
    columns: contractColumnsFromList(inp.table, 'v'),
    paths: contractJsonPaths(inp.table),
  });
  return { select, parseRejected };
}

/** A mapped NDJSON file: its keys are unknown in advance, so DuckDB finds them and each becomes a text column. */
export async function stageMappedNdjson(wh: Warehouse, inp: StageInput, t: RawTables): Promise<RawRelation> {
  const parseRejected = await stageLines(wh, inp, t.raw);
  const raw = quoteIdent(t.raw);
  await dropTableIfExists(wh, 'ingest_raw_json');
  await wh.run(readSql(new URL('./sql/stage/stage_json_objects.sql', import.meta.url), { raw }));
  const keys = await wh.all<{ k: string }>(readSql(new URL('./sql/stage/json_keys.sql', import.meta.url)));
  const names = sourceColumnNames(keys.map((r) => r.k));
  await dropTableIfExists(wh, t.raw);
  await wh.run(
    readSql(new URL('./sql/stage/stage_json_columns.sql', import.meta.url), {
      raw,
      columns: jsonKeyColumns(
        keys.map((r) => r.k),
        names,
      ),
    }),
  );
  await dropTable(wh, 'ingest_raw_json');
  return {
    select: readSql(new URL('./sql/stage/json_rows.sql', import.meta.url), { raw }),
    parseRejected,
    header: keys.map((r) => r.k),
    names,
  };
}
