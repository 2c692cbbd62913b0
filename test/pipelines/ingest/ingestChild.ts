// Child process for the crash test: ingests argv[3] into warehouse argv[2]; TRUSTLENS_TEST_CRASH_AFTER_TABLE kills it
// mid-batch.
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

const [warehouse, from] = process.argv.slice(2);
const wh = await Warehouse.open({ path: warehouse! });
await ingestInto(wh, { from: from! });
wh.close();
