-- tl_ts(seconds): epoch seconds to a UTC TIMESTAMP; the generator keeps time as whole seconds until output.
create or replace temp macro tl_ts(sec) as (make_timestamp(sec::BIGINT * 1000000))
