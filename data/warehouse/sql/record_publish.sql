-- One publish: each history table of $histories for each date of $dates, under one generation past every one before.
insert into published_dates
select h.history, d.as_of, (select coalesce(max(generation), 0) + 1 from published_dates) as generation
from unnest($histories::varchar[]) as h(history)
cross join unnest($dates::date[]) as d(as_of)
