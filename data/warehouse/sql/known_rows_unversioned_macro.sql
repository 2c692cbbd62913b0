-- known_<table>(as_of) when no row of the table changed after the as-of date the macros are made for (or there is no
-- versions table: a warehouse built by hand): the contract table as it is.
create or replace temp macro {{macro}}(as_of) as table
select * from {{table}}
