-- A mapped file's rows as the mapping sandbox staged them: __file, __row, __line and the contract columns.
select *
from read_parquet($staged)
