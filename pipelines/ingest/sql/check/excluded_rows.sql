-- ingest_excl: (file, row) of every row failing a key check or skipped as an identical copy.
create temp table ingest_excl as
select c.__file, c.__row
from ingest_chk c
semi join (select rid from ingest_bad union all select rid from ingest_skip) x on x.rid = c.rowid
