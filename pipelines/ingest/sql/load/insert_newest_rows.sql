-- Writes to the contract table the newest version this batch delivers of each clashing row key.
insert into {{table}}
select {{columns}}
from ingest_full f
semi join (select rid from ingest_steps where newest) n using (rid)
