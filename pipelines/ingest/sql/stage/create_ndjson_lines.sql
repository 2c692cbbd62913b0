-- The raw table of an NDJSON file read line by line by ingest itself (ndjsonFile.ts): one text line per physical line,
-- in order (rowid = line), null for a line that is not valid UTF-8.
create temp table {{raw}} (line VARCHAR)
