-- Column names and types of a mapping's SQL source result (stage_sql_mapping.sql).
describe select * exclude (__trustlens_row) from {{raw}}
