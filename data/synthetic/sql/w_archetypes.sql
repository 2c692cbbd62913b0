-- Archetype shares (from archetypes.ts, bound as JSON) spread over 10,000 slots per entity, so a draw picks its archetype
-- with an equality join on floor(u * 10000) instead of a sort-based ASOF join.
create or replace table w_archetypes as
with source as (
  select unnest(from_json($archetypes, '[{"entity":"VARCHAR","archetype":"VARCHAR","share":"DOUBLE","bad":"BOOLEAN","ord":"INTEGER"}]'), recursive := true)
),
bounds as (
  select
    entity,
    archetype,
    bad,
    round(10000 * coalesce(sum(share) over (partition by entity order by ord rows between unbounded preceding and 1 preceding), 0)
      / sum(share) over (partition by entity))::BIGINT as lo,
    round(10000 * sum(share) over (partition by entity order by ord rows between unbounded preceding and current row)
      / sum(share) over (partition by entity))::BIGINT as hi
  from source
),
final as (
  select entity, archetype, bad, unnest(range(lo, hi)) as slot from bounds
)
select * from final
