-- The generated marketplace's problem merchants and since when (truth/merchants.parquet, written by `trustlens generate`).
with truth as (
  select * from read_parquet($file)
),

final as (
  select
    merchant_id,
    strftime(problem_since, '%Y-%m-%d') as problem_since
  from truth
  where is_problem
)

select * from final
