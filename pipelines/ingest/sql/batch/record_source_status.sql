-- Bookkeeping: a table declared absent by this batch's mapping, or delivered by it.
insert or replace into source_status
values ($table, $absent, $batch)
