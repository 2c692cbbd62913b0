-- Which model scored each week (written by the score stage with the scores): reports say when a starter model scored.
create table if not exists score_model_history (
  as_of date not null,
  model varchar not null,       -- abuse-risk | merchant-trust
  source varchar not null,      -- trained (on this warehouse's labels) | configured (trained elsewhere) | starter (shipped, synthetic)
  model_date date not null,     -- as-of date of the artifact
  artifact varchar not null     -- the artifact file
)
