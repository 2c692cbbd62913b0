// The mapping sandbox process: a mapping's SQL runs here, never on the warehouse. Its working directory is --from (so
// relative paths resolve there), its DuckDB is in memory with file access limited to --from, and it answers ingest's
// requests (validate, stage) one at a time over the IPC channel. It exits when ingest closes the channel.
import { UserError } from '../../../data/validation/errors.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import type { Mapping } from '../mapping/mappingSchema.ts';
import type { InitRequest, SandboxReply, SandboxRequest } from './protocol.ts';
import { openSandboxDb } from './sandboxDb.ts';
import { stageInSandbox } from './stageInSandbox.ts';
import { validateInSandbox } from './validateInSandbox.ts';

process.env.TZ = 'UTC';

let state: { wh: Warehouse; init: InitRequest; mapping: Mapping } | undefined;

async function handle(req: SandboxRequest): Promise<unknown> {
  if (req.kind === 'init') {
    process.chdir(req.from);
    state = { wh: await openSandboxDb(req.from, req.outDir, req.files), init: req, mapping: req.mapping };
    return null;
  }
  if (req.kind === 'close') {
    state?.wh.close();
    state = undefined;
    return null;
  }
  if (!state) throw new Error('sandbox used before init');
  if (req.kind === 'validate') return validateInSandbox(state.wh, state.mapping, state.init.from, req);
  return stageInSandbox(state.wh, state.mapping, state.init.from, state.init.outDir, req);
}

let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: { id: number; req: SandboxRequest }) => {
  queue = queue.then(async () => {
    let reply: SandboxReply;
    try {
      reply = { id: msg.id, ok: true, value: await handle(msg.req) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      reply = { id: msg.id, ok: false, message, user: err instanceof UserError };
    }
    process.send!(reply);
    if (msg.req.kind === 'close') process.disconnect();
  });
});
process.on('disconnect', () => process.exit(0));
