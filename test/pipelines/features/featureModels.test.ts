// The features build order comes from the SQL files: every model after the models it reads, a cycle named, fallbacks
// kept.
import { describe, expect, it } from 'vitest';
import { featureBuildOrder, orderModels, sqlReferences } from '../../../pipelines/features/featureModels.ts';

const model = (name: string, references: string[] = []) => ({ name, file: `intermediate/${name}.sql`, references });

describe('sqlReferences', () => {
  it('lists the tables after from and join, not those in comments or strings', () => {
    const sql = `-- reads from int_commented
      with a as (select * from stg_orders), b as (select 'from int_quoted' as s from int_requests_enriched)
      select * from a left join b on true semi join "int_buyers_flagged" as f on true`;
    expect(sqlReferences(sql)).toEqual(['stg_orders', 'int_requests_enriched', 'a', 'b', 'int_buyers_flagged']);
  });
});

describe('orderModels', () => {
  it('puts each model after the models it references, keeping the input order among ready ones', () => {
    const order = orderModels([
      model('int_c', ['int_b', 'orders']),
      model('int_b', ['int_a']),
      model('int_a'),
      model('int_d'),
    ]);
    expect(order.map((m) => m.name)).toEqual(['int_a', 'int_b', 'int_c', 'int_d']);
  });

  it('names the cycle and its files', () => {
    expect(() =>
      orderModels([
        model('int_x', ['int_a']),
        model('int_a', ['int_b']),
        model('int_b', ['stg_s', 'int_a']),
        model('stg_s'),
      ]),
    ).toThrow(
      'features SQL models read each other in a cycle: int_a → int_b → int_a ' +
        '(intermediate/int_a.sql, intermediate/int_b.sql under pipelines/features/sql/); ' +
        'a model can only read models built before it: remove one of these references',
    );
  });
});

describe('featureBuildOrder', () => {
  const order = featureBuildOrder();
  const position = new Map(order.map((m, i) => [m.name, i]));

  it('builds every model after every model its SQL reads', () => {
    for (const m of order) {
      for (const r of m.references)
        expect(position.get(r), `${m.name} reads ${r}`).toBeLessThan(position.get(m.name) as number);
    }
  });

  it('reads the references from the files: the linked-account chain and the feature tables', () => {
    const refs = (name: string) => order.find((m) => m.name === name)?.references;
    expect(refs('int_buyer_keys_linked')).toEqual(['stg_orders']);
    expect(refs('int_buyer_components')).toEqual(['int_buyer_keys_linked']);
    expect(refs('int_buyers_grouped')).toEqual(['int_buyer_keys_linked', 'int_buyer_components']);
    expect(refs('build_buyer_groups')).toEqual(['int_buyers_grouped']);
    expect(
      order
        .filter((m) => m.layer === 'features')
        .map((m) => m.name)
        .sort(),
    ).toEqual(['build_buyer_groups', 'build_feat_buyer', 'build_feat_merchant']);
    expect(order.find((m) => m.name === 'int_buyer_components')?.kind).toBe('components');
  });

  it('falls back to the empty score history while the score stage has not run', () => {
    expect(order.find((m) => m.name === 'stg_score_buyer_history')).toMatchObject({
      file: 'staging/stg_score_buyer_history.sql',
      optionalSource: { table: 'score_buyer_history', fallback: 'staging/stg_score_buyer_history__empty.sql' },
    });
    expect(order.some((m) => m.name.endsWith('__empty'))).toBe(false);
  });
});
