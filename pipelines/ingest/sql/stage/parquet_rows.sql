-- A Parquet file's rows, with their own types, __file and __row (the 1-based row in the file).
select $file as __file, file_row_number + 1 as __row, * exclude (file_row_number)
from read_parquet($path, file_row_number = true)
