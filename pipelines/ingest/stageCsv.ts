// Stages a CSV file: its records as text in its raw table, records DuckDB cannot parse quarantined.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { columnTypes } from './columnTypes.ts';
import { csvTextColumns } from './columnLists.ts';
import { quarantineParseRejects } from './quarantineParseRejects.ts';
import { readCsvHeader } from './readCsvHeader.ts';
import { RULES } from './ruleText.ts';
import type { RawRelation, StageInput } from './stageFile.ts';
import { dropTableIfExists, type RawTables } from './tempTables.ts';

export async function stageCsv(wh: Warehouse, inp: StageInput, t: RawTables): Promise<RawRelation> {
  const delimiter = inp.mapping?.delimiter ?? ',';
  // The header is read here, so DuckDB is given the columns instead of guessing the dialect.
  const header = readCsvHeader(inp.path, inp.display, delimiter);
  const raw = quoteIdent(t.raw);
  const offsets = quoteIdent(t.offsets);
  for (const name of ['ingest_rejects', 'ingest_reject_scans', t.offsets, t.raw]) await dropTableIfExists(wh, name);
  await wh.run(readSql(new URL('./sql/stage/stage_csv.sql', import.meta.url), { raw, columns: csvTextColumns(header) }), {
    path: inp.path,
    delimiter,
  });
  const parseRejected = await quarantineParseRejects(
    wh,
    inp,
    readSql(new URL('./sql/stage/count_csv_rejects.sql', import.meta.url)),
    readSql(new URL('./sql/stage/quarantine_csv_rejects.sql', import.meta.url)),
    { rule_prefix: RULES.csvUnparseable('') },
  );
  if (parseRejected > 0) await wh.run(readSql(new URL('./sql/stage/csv_reject_offsets.sql', import.meta.url), { offsets }));
  const select =
    parseRejected > 0
      ? readSql(new URL('./sql/stage/csv_rows_after_rejects.sql', import.meta.url), { raw, offsets })
      : readSql(new URL('./sql/stage/csv_rows.sql', import.meta.url), { raw });
  const names = Object.keys(await columnTypes(wh, readSql(new URL('./sql/stage/raw_columns.sql', import.meta.url), { raw })));
  return { select, parseRejected, names };
}
