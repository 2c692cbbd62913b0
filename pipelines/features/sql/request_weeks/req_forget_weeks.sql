-- The bookkeeping of the weeks of request_weeks goes before they are recorded again.
delete from feat_request_weeks
where as_of in (select as_of from request_weeks)
