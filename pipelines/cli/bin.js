#!/usr/bin/env node
// `trustlens` bin: Node 20 cannot run .ts by itself, so register tsx and hand over to the TypeScript entry.
process.env.TZ = 'UTC';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
