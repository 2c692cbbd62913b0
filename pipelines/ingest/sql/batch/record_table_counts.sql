-- Bookkeeping: what a batch did to one table (read = loaded + quarantined, loaded = inserted + updated + duplicate).
insert into load_batch_tables (
  batch_id, table_name, files, rows_read, rows_loaded, rows_quarantined, rows_inserted, rows_duplicate, rows_updated, known_at,
  rows_filtered
)
values ($batch, $table, $files, $read, $loaded, $quarantined, $inserted, $duplicate, $updated, $known_at::date, $filtered)
