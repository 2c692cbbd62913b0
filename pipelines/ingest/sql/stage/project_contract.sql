-- A file's relation as the contract columns: each mapped, taken from a same-named column, or null (projectContract.ts).
select __file, __row, __line, {{columns}}
from ({{source}})
