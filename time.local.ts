import { Warehouse } from './data/warehouse/Warehouse.ts';
import { materializeSql } from './pipelines/features/materializeSql.ts';
import { REQUEST_MODELS } from './pipelines/features/buildRequestFeatures.ts';
import { featureCatalog } from './pipelines/features/featureCatalog.ts';
import { checkViolations } from './pipelines/features/featureChecks.ts';
const wh = await Warehouse.open({ path: 'data/warehouse.duckdb' });
for (const v of ['req_buyer_scores as select * from score_buyer_history', 'req_merchant_scores as select * from score_merchant_history', 'req_buyer_groups as select * from buyer_groups']) await wh.run(`create or replace temp view ${v}`);
for (const m of REQUEST_MODELS) { const t = performance.now(); await materializeSql(wh, m.name, m.file, { as_of: '2026-10-26' }); console.log(m.name, (performance.now() - t).toFixed(0), 'ms'); }
let t = performance.now(); await checkViolations(wh, 'build_feat_request', featureCatalog().feat_request); console.log('checks', (performance.now() - t).toFixed(0));
wh.close();
