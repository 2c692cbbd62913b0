-- Types each contract column of a staged relation and lists each row's violations: __v is null for a clean row.
-- The slots are generated per contract column by columnChecks.ts (r<i> raw, n<i> normalised, t<i> typed value).
select
  __file,
  __row,
  __line,
  {{typed_columns}},
  case when {{any_violation}} then list_filter([{{violations}}], x -> x is not null) end as __v
from (
  select __file, __row, __line, {{normalised_columns}}
  from ({{source}}) src
) c
