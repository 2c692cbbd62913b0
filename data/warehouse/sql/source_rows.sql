-- Rows of one contract table known before $as_of (by the column from which a row is known; a row without that date,
-- such as a buyer whose export has no registration date, counts as known).
select count(*) from {{table}} where coalesce({{known_from}} < $as_of::timestamp, true)
