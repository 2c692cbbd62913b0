// Stages an NDJSON file: its lines as text in its raw table, lines that are not JSON objects quarantined.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { contractColumnsFromList, contractJsonPaths, jsonKeyColumns } from './columnLists.ts';
import { quarantineParseRejects } from './quarantineParseRejects.ts';
import { RULES } from './ruleText.ts';
import type { RawRelation, StageInput } from './stageFile.ts';
import { dropTable, dropTableIfExists, type RawTables } from './tempTables.ts';

/** A delimiter JSON text cannot hold raw, so read_csv reads each line as one field. */
const LINE_DELIMITER = '\u001f';

async function stageLines(wh: Warehouse, inp: StageInput, raw: string): Promise<number> {
  await dropTableIfExists(wh, raw);
  const slots = { raw: quoteIdent(raw) };
  await wh.run(readSql(new URL('./sql/stage/stage_ndjson_lines.sql', import.meta.url), slots), { path: inp.path, delimiter: LINE_DELIMITER });
  return quarantineParseRejects(
    wh,
    inp,
    readSql(new URL('./sql/stage/count_ndjson_rejects.sql', import.meta.url), slots),
    readSql(new URL('./sql/stage/quarantine_ndjson_rejects.sql', import.meta.url), slots),
    { rule: RULES.notJsonObject },
  );
}

/** An unmapped NDJSON file: the contract columns are read by name from each line. */
export async function stageNdjson(wh: Warehouse, inp: StageInput, t: RawTables): Promise<{ select: string; parseRejected: number }> {
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
  const names = keys.map((r) => r.k);
  await dropTableIfExists(wh, t.raw);
  await wh.run(readSql(new URL('./sql/stage/stage_json_columns.sql', import.meta.url), { raw, columns: jsonKeyColumns(names) }));
  await dropTable(wh, 'ingest_raw_json');
  return { select: readSql(new URL('./sql/stage/json_rows.sql', import.meta.url), { raw }), parseRejected, names };
}
