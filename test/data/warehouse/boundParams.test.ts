// boundParams gives a statement exactly the parameters it mentions and names the ones it lacks.
import { describe, expect, it } from 'vitest';
import { boundParams } from '../../../data/warehouse/boundParams.ts';

describe('boundParams', () => {
  it('keeps only the parameters the statement mentions', () => {
    expect(
      boundParams('select * from t where d < $as_of and k = $kind', {
        as_of: '2026-03-02',
        kind: 'refund_only',
        weeks: 4,
      }),
    ).toEqual({
      as_of: '2026-03-02',
      kind: 'refund_only',
    });
  });

  it('is undefined for a statement without parameters', () => {
    expect(boundParams('select 1', { as_of: '2026-03-02' })).toBeUndefined();
  });

  it('ignores $ in quoted text, quoted names and comments', () => {
    const sql = `select json_extract_string(j, '$.desc'), "$col", $$ $x $$, $t$ $y $t$ -- $z\n/* $w */ from t where f = $file`;
    expect(boundParams(sql, { file: 'a.csv' })).toEqual({ file: 'a.csv' });
  });

  it('names every parameter the statement mentions but params lack', () => {
    expect(() => boundParams('select $as_of, $weeks, $as_of', { kind: 'x' })).toThrow(
      new Error('SQL refers to unbound parameter(s) $as_of, $weeks'),
    );
  });
});
