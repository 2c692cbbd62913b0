-- tl_peak(sec): platform-wide strain on after-sales service on a calendar date, 0-1: Singles' Day (11.11) and its
-- returns wave, the 618 sale, the Spring Festival weeks (a fixed mid-February window: couriers and staff are off), Double 12.
create or replace temp macro tl_peak(sec) as (
  case
    when month(tl_ts(sec)) = 11 and day(tl_ts(sec)) between 9 and 20 then 0.8
    when month(tl_ts(sec)) = 6 and day(tl_ts(sec)) between 15 and 25 then 0.6
    when month(tl_ts(sec)) = 2 and day(tl_ts(sec)) between 8 and 24 then 0.5
    when month(tl_ts(sec)) = 12 and day(tl_ts(sec)) between 10 and 16 then 0.4
    else 0.0
  end
)
