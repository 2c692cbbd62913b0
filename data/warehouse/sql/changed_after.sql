-- Whether any row of a contract table has a version that became known after $as_of (then reading as of it needs the versions).
select exists (
  select 1 from {{versions}} where version > 1 and known_at > $as_of::date
)
