-- Stands in for published_dates before any publish has recorded itself: every date reads as never published.
create or replace temp view req_published_dates as
select null::varchar as history, null::date as as_of, null::bigint as generation where false
