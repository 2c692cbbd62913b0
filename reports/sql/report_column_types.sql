-- Column names and types of a warehouse table, to find the numeric columns drift is computed over.
with final as (
  select column_name, data_type
  from information_schema.columns
  where table_schema = current_schema() and table_name = $table
)
select * from final
