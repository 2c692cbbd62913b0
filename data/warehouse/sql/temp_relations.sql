-- The connection's temp tables and views (DuckDB's own internal views left out), views first: nothing reads a table
-- through a view once both are gone, whatever the order, but a view dropped first never names a missing table.
select view_name as name, 'view' as kind from duckdb_views() where temporary and not internal
union all
select table_name, 'table' from duckdb_tables() where temporary
order by kind desc, name
