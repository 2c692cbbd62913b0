-- <table>_versions: every version of a contract table's rows, with the batch that delivered it and the date it became
-- known. The contract table holds the newest version; features, labels and replays as of T read the one known at T.
create table if not exists {{versions}} (
  {{columns}},
  version  INTEGER NOT NULL,  -- 1 = first delivery, then 2, 3, ... in delivery order
  batch_id INTEGER NOT NULL,  -- load_batches.batch_id that delivered it
  known_at DATE NOT NULL      -- from this date on (as-of dates >= known_at) this version is the row as known
)
