-- Category behaviour: shop and order mix, amounts, legitimate refund propensity, shipping promise and transit times.
create or replace table w_categories as
with source(ord, category, merchant_share, order_share, amount_median, amount_sigma, legit_refund_rate, promise_hours, transit_min_h, transit_span_h) as (
  values
    (1, 'fresh_food',  0.09, 0.12,  58.0, 0.55, 0.085, 24,  6.0,  30.0),
    (2, 'electronics', 0.13, 0.10, 420.0, 0.80, 0.045, 48, 24.0,  96.0),
    (3, 'apparel',     0.24, 0.24, 140.0, 0.60, 0.065, 48, 24.0,  96.0),
    (4, 'home',        0.16, 0.15, 110.0, 0.70, 0.040, 48, 24.0, 120.0),
    (5, 'beauty',      0.12, 0.12,  95.0, 0.60, 0.030, 48, 24.0,  96.0),
    (6, 'grocery',     0.13, 0.17,  45.0, 0.50, 0.030, 48, 24.0,  72.0),
    (7, 'other',       0.13, 0.10,  75.0, 0.80, 0.035, 48, 24.0, 120.0)
),
final as (
  select
    *,
    round(1000 * coalesce(sum(merchant_share) over (order by ord rows between unbounded preceding and 1 preceding), 0))::BIGINT as merchant_lo,
    round(1000 * sum(merchant_share) over (order by ord rows between unbounded preceding and current row))::BIGINT as merchant_hi,
    round(1000 * coalesce(sum(order_share) over (order by ord rows between unbounded preceding and 1 preceding), 0))::BIGINT as order_lo,
    round(1000 * sum(order_share) over (order by ord rows between unbounded preceding and current row))::BIGINT as order_hi
  from source
)
select * from final
