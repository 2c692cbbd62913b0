-- No versions table yet: no row was loaded after its quarantine.
select null::varchar as table_name, null::varchar as row_key, null::integer as batch_id
where false
