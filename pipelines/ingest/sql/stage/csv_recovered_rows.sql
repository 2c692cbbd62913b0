-- A CSV file's records as read by ingest itself (create_csv_recovered.sql), with __file, __row and __line.
select $file as __file, __trustlens_row as __row, __trustlens_line as __line, {{columns}}
from {{raw}}
