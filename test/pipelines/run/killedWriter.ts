// Child process for the leftover tests: writes one output the way trustlens does (a week's reports, the notebook
// export,
// a training run's artifacts) and kills itself with SIGKILL at the Nth call of one file operation, so a test can cut a
// writer at every step. Usage: killedWriter.ts <reports|export|artifacts> <folder> <renameSync|writeFileSync|rmSync>
// <N>
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';

const [what, folder, op, nth] = process.argv.slice(2) as [
  string,
  string,
  'renameSync' | 'writeFileSync' | 'rmSync',
  string,
];
let calls = 0;
const real = fs[op] as (...args: unknown[]) => unknown;
(fs as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => {
  if (++calls === Number(nth)) process.kill(process.pid, 'SIGKILL');
  return real(...args);
};
// Named imports of node:fs in the modules loaded below now see the counting function.
syncBuiltinESMExports();

if (what === 'reports') {
  const { writeReportsAtomically } = await import('../../../reports/buildReports.ts');
  writeReportsAtomically(join(folder, '2026-11-02'), { 'index.html': 'new', 'risk-queue.html': 'new' });
} else if (what === 'export') {
  const { Warehouse } = await import('../../../data/warehouse/Warehouse.ts');
  const { createLogger } = await import('../../../data/log/Logger.ts');
  const { exportForNotebooks } = await import('../../../pipelines/export/exportForNotebooks.ts');
  const wh = await Warehouse.open({ path: ':memory:' });
  await wh.run('create table feat_buyer_history (as_of date, buyer_id varchar, orders_90d bigint)');
  await wh.run("insert into feat_buyer_history values ('2026-11-02', 'b-new', 3)");
  await exportForNotebooks(wh, '2026-11-02', join(folder, '2026-11-02', 'data'), createLogger({ verbosity: 'quiet' }));
} else {
  const { publishArtifacts } = await import('../../../models/registry/publishArtifacts.ts');
  type Artifact = Parameters<typeof publishArtifacts>[1][number];
  const artifact = (model: string) => ({ model, asOf: '2026-11-02', note: 'new' }) as unknown as Artifact;
  publishArtifacts(folder, [artifact('abuse-risk'), artifact('merchant-trust')]);
}
process.stdout.write(`done after ${calls} ${op} calls\n`);
