-- tl_bad_week(seed, m, sec, start_s): merchant m's own bad week holding that moment, 0 or 0.4-1: about 5% of every shop's
-- weeks (counted from the start of history) go badly (staff off sick, a stock-out, a system move), good shops included.
create or replace temp macro tl_bad_week(s, m, sec, start_s) as (
  case when tl_u(s, m * 100000 + floor((sec - start_s) / 604800)::BIGINT, 'm.badweek') < 0.05
    then 0.4 + 0.6 * tl_u(s, m * 100000 + floor((sec - start_s) / 604800)::BIGINT, 'm.badweek.x')
    else 0.0 end
)
