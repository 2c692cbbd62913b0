-- Bookkeeping: what a batch did to one table (read = loaded + quarantined, loaded = inserted + duplicate).
insert into load_batch_tables
values ($batch, $table, $files, $read, $loaded, $quarantined, $inserted, $duplicate)
