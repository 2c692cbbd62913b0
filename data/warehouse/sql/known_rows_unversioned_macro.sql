-- known_<table>(as_of) for a warehouse without a versions table (built by hand, or before versions were kept): the
-- contract table as it is.
create or replace temp macro {{macro}}(as_of) as table
select * from {{table}}
