-- tl_strain(seed, m, sec, start_s): how strained merchant m's after-sales service is at that moment, 0-1: the larger of
-- the seasonal peak and the shop's own bad week. Service times, resolution and attitude worsen with it.
create or replace temp macro tl_strain(s, m, sec, start_s) as (greatest(tl_peak(sec), tl_bad_week(s, m, sec, start_s)))
