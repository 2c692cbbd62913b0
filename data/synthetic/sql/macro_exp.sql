-- tl_exp(seed, key, purpose): an exponential draw with mean 1 (waiting times, delays).
create or replace temp macro tl_exp(s, k, p) as (-ln(1.0 - tl_u(s, k, p)))
