-- Rows of one contract table known before $as_of (by the column from which a row is known).
select count(*) from {{table}} where {{known_from}} < $as_of::timestamp
