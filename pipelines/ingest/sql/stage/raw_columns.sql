-- Column names and types of a file's raw table.
describe select * from {{raw}}
