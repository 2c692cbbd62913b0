-- Replays one policy over sim_context: first matching rule, weekly review capacity with fallback, merchant deadline, then money and time per request.
-- Slots {{rule_index}}, {{action}}, {{exempt}} hold CASE expressions compiled from whitelisted fields with bound values.
with
ctx as (select * from sim_context),
ruled as (
  select ctx.*, {{rule_index}} as rule_index from ctx
),
acted as (
  select *, cast({{action}} as varchar) as rule_action, {{exempt}} as deadline_exempt from ruled
),
ranked as (
  -- Reviewers take the riskiest requests of each week first; the rest overflow to the fallback.
  select *,
    row_number() over (partition by week, rule_action order by buyer_risk desc nulls last, amount desc, request_id) as review_rank
  from acted
),
capped as (
  select *,
    coalesce(rule_action = 'manual_review' and review_rank > $capacity, false) as overflow
  from ranked
),
deadlined as (
  select *,
    case when overflow then cast($overflow_action as varchar) else rule_action end as capped_action
  from capped
),
decided as (
  select *,
    coalesce(
      capped_action = 'refund_after_return' and not deadline_exempt and $deadline_hours is not null
      and (merchant_responded_at is null or date_diff('second', requested_at, merchant_responded_at) > $deadline_hours * 3600),
      false) as auto_refund
  from deadlined
),
acts as (
  select *, case when auto_refund then 'instant_refund' else capped_action end as final_action from decided
),
money as (
  select *,
    case final_action
      when 'instant_refund' then amount
      when 'refund_after_return' then case when abusive then amount * cast($abuser_return_rate as decimal(9, 6)) else amount end
      when 'manual_review' then case when abusive then amount * (1 - cast($detection_rate as decimal(9, 6))) else amount end
      when 'reject' then 0
      when 'as_recorded' then case when status = 'approved' then amount else 0 end
    end as refund_paid,
    -- Refund paid while the buyer keeps the goods: what the merchant loses.
    case final_action
      when 'instant_refund' then amount
      when 'refund_after_return' then 0
      when 'manual_review' then case when abusive then amount * (1 - cast($detection_rate as decimal(9, 6))) else amount end
      when 'reject' then 0
      when 'as_recorded' then case when status = 'approved' and returned_at is null then amount else 0 end
    end as kept_paid,
    case final_action
      when 'manual_review' then 1
      when 'as_recorded' then case when escalated then 1 else 0 end
      else 0
    end as reviewed,
    case final_action
      when 'instant_refund' then false
      when 'refund_after_return' then kind = 'refund_only'
      when 'manual_review' then true
      when 'reject' then true
      when 'as_recorded' then status = 'rejected' or escalated
    end as burdened,
    case final_action
      when 'reject' then false
      when 'as_recorded' then status = 'approved'
      else true
    end as honest_refunded,
    case final_action
      when 'instant_refund' then case when auto_refund then $deadline_hours / 24.0 else 0 end
      when 'refund_after_return' then $return_days
      when 'manual_review' then $review_days
      when 'reject' then null
      when 'as_recorded' then case when status = 'approved' then date_diff('second', requested_at, coalesce(decided_at, requested_at)) / 86400.0 end
    end as days_to_refund,
    case final_action
      when 'refund_after_return' then 1
      when 'as_recorded' then case when returned_at is not null then 1 else 0 end
      else 0
    end as honest_returned
  from acts
),
final as (
  select
    request_id, buyer_id, merchant_id, week, kind, reason, amount, category, merchant_tier, buyer_risk,
    is_new_buyer, abusive, rule_index, rule_action, overflow, auto_refund, final_action,
    cast(refund_paid as decimal(38, 6)) as refund_paid,
    cast(kept_paid as decimal(38, 6)) as kept_paid,
    reviewed,
    cast(reviewed * cast($review_cost as decimal(18, 2)) as decimal(38, 6)) as platform_cost,
    -- What the platform repays merchants for money paid to confirmed abusers for kept goods.
    case when abusive then cast(kept_paid * cast($compensation as decimal(9, 6)) as decimal(38, 6)) else 0 end as compensation_paid,
    burdened,
    honest_refunded,
    days_to_refund,
    -- What an honest buyer pays: return shipping, the value of waiting, and a wrongly refused refund.
    case when abusive then 0 else
      honest_returned * $return_shipping
      + coalesce(days_to_refund, 0) * $delay_day_value
      + case when burdened and not honest_refunded then amount else 0 end
    end as honest_cost
  from money
)
select * from final
