-- Number of NDJSON lines that are neither blank nor a JSON object.
select count(*)
from {{raw}}
where trim(line) <> '' and not coalesce(json_type(case when json_valid(line) then line end) = 'OBJECT', false)
