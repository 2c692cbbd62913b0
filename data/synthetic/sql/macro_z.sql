-- tl_z(seed, key, purpose): a standard normal draw (Box-Muller over two hashed uniforms).
create or replace temp macro tl_z(s, k, p) as (
  sqrt(-2.0 * ln(1.0 - tl_u(s, k, p || '#1'))) * cos(2.0 * pi() * tl_u(s, k, p || '#2'))
)
