-- report_week_end(as_of, ts): the end of the report week holding ts, where week k is [as_of - 7(k+1) days, as_of - 7k
-- days); by arithmetic, so a query puts each row in its week in one pass instead of joining every week.
create or replace temp macro report_week_end(week_as_of, ts) as
  cast(week_as_of as date)
    - cast(7 * ((epoch_us(cast(week_as_of as date)::timestamp) - epoch_us(ts) - 1) // 604800000000) as integer)
