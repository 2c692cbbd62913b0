-- The models that scored the $as_of week, and where each came from (trained here, configured, starter).
select model, source, strftime(model_date, '%Y-%m-%d') as model_date, artifact
from score_model_history
where as_of = cast($as_of as date)
order by model
