-- This week's score_model_history rows, filled from the scorer's resolved models before publishing.
create table score_model__new (as_of date not null, model varchar not null, source varchar not null, model_date date not null, artifact varchar not null)
