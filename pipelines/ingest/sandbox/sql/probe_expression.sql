-- Evaluates one mapping expression over a source's rows (the slot: expressionQuery over it), to find the one that raises.
select count(x) from ({{select}})
