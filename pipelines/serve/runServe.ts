// Handler of `trustlens serve`: the decision service on 127.0.0.1, reloading when a newer scored week lands in the
// warehouse.
import { once } from 'node:events';
import { trustlensVersion } from '../../models/registry/trustlensVersion.ts';
import type { CommandContext } from '../cli/defineCommand.ts';
import { resolvePolicy } from '../decide/decide.ts';
import { createDecisionServer } from './decisionServer.ts';
import { createWeekReloader } from './weekReloader.ts';

export interface ServeOptions {
  port: number;
  host: string;
  policy?: string;
}

export async function runServe(options: ServeOptions, ctx: CommandContext): Promise<void> {
  const policyFile = options.policy ?? ctx.config.decide.policy;
  const reloader = await createWeekReloader({
    warehouse: ctx.warehouse,
    artifactsDir: ctx.config.artifactsDir,
    orderDays: ctx.config.decide.orderDays,
    policy: resolvePolicy(policyFile),
    log: ctx.log,
  });
  const server = createDecisionServer(reloader, {
    maxBodyBytes: ctx.config.serve.maxBodyBytes,
    version: trustlensVersion(),
  });
  // Node closes an idle keep-alive connection after 5 s, racing clients that reuse it at that moment (their request
  // fails with ECONNRESET); a client or load balancer should be the side that lets an idle connection go.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(options.port, options.host);
  await once(server, 'listening');
  reloader.start(ctx.config.serve.reloadSeconds * 1000);
  const d = reloader.decider();
  ctx.log.info(
    `serving decisions on http://${options.host}:${options.port} with policy ${d.policyName} (${policyFile}), scores of the week of ${d.scoresAsOf}`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      reloader.stop();
      server.close(() => resolve());
      server.closeIdleConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
