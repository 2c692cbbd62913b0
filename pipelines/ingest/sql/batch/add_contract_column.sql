-- A contract column added after a warehouse was made (e.g. orders.parent_order_id): older rows read NULL there.
alter table {{table}} add column if not exists {{column}} {{type}}
