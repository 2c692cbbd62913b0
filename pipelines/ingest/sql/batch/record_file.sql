-- Bookkeeping: one file a batch loaded into a table.
insert into load_files
values ($batch, $table, $path, $fp, $bytes)
