#!/usr/bin/env node
// `trustlens` bin: Node 20 cannot run .ts by itself, so register tsx and hand over to the TypeScript entry.
process.env.TZ = 'UTC';
// A reader that stops early (`trustlens decide … | head`) closes the pipe: that ends the output, it is not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
