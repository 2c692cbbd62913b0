// A reader that closes the pipe early (`trustlens decide … | head`) ends the output quietly: exit 0, no stack trace.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../pipelines/cli/bin.js', import.meta.url));

describe('trustlens writing into a closed pipe', () => {
  it('exits 0 without an EPIPE error', async () => {
    const child = spawn(process.execPath, [BIN, 'score', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // the reader is gone before the command writes its first line
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  }, 60_000);
});
