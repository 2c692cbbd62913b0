-- One model that scored this week: which artifact, from where.
insert into score_model__new
values ($as_of::date, $model, $source, $model_date::date, $artifact)
