-- ingest_excl: (file, row) of every row failing a key check or whose row key clashes (stored from ingest_full instead).
create temp table ingest_excl as
select c.__file, c.__row
from ingest_chk c
semi join (select rid from ingest_bad union all select rid from ingest_cand) x on x.rid = c.rowid
