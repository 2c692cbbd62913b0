-- tl_u(seed, key, purpose): a uniform draw in [0, 1) from a hash, so every draw is the same at any thread count and row order.
-- DuckDB combines multi-argument hashes with a final XOR, which leaves draws for different purposes correlated;
-- hashing the result again (a murmur finalizer) decorrelates them.
create or replace temp macro tl_u(s, k, p) as ((hash(hash(s::BIGINT, k::BIGINT, p::VARCHAR)) >> 11)::DOUBLE / 9007199254740992.0)
