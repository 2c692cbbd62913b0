-- known_<table>_dated() when no row of the table changed after the earliest date (or there is no versions table): the
-- contract table as it is, one copy per date with its as_of in front.
create or replace temp macro {{macro}}() as table
select d.as_of, t.*
from {{table}} as t
cross join (select as_of from {{dates}}) as d
