// Child process for the lock tests: takes the run lock of warehouse argv[2] and opens the warehouse, as every writing
// command does, says so on stdout, then waits to be killed.
import { acquireRunLock } from '../../../pipelines/cli/runLock.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

await acquireRunLock(process.argv[2]!, 'trustlens run --as-of 2026-11-02 (lock holder)');
await Warehouse.open({ path: process.argv[2]! });
process.stdout.write(`locked ${process.pid}\n`);
setInterval(() => {}, 1000);
