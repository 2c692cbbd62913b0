-- Column names and types of a staged relation.
describe select * from ({{relation}})
