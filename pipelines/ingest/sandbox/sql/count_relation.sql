-- Rows of a staged relation.
select count(*) from ({{select}})
