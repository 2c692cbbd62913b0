-- The raw table of a CSV file read record by record by ingest itself (csvFile.ts): the row and line of each record, then
-- its fields as text, c0, c1, … by position.
create temp table {{raw}} (__trustlens_row BIGINT, __trustlens_line BIGINT, {{columns}})
