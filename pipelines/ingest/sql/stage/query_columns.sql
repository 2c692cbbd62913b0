-- Column names and types of a mapping's query (the slot: its own SQL, on lines of its own).
describe select * from (
{{query}}
)
