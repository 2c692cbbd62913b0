// The CLI contract: exit 0 on success, 2 on bad usage or input with a one-line cause on stderr, --help from the command
// table.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../pipelines/cli/main.ts';
import { COMMANDS } from '../../../pipelines/cli/commandTable.ts';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('trustlens CLI', () => {
  it('lists every command of the table in --help and exits 0', async () => {
    expect(await main(['--help'])).toBe(0);
    const help = out.join('');
    for (const c of COMMANDS) expect(help).toContain(c.name);
  });

  it("shows a command's options in its help", async () => {
    expect(await main(['run', '--help'])).toBe(0);
    expect(out.join('')).toContain('--as-of <DATE>');
    expect(out.join('')).toContain('--retrain');
  });

  it('exits 2 when a required option is missing', async () => {
    expect(await main(['run'])).toBe(2);
    expect(err.join('')).toBe(
      'trustlens: run: option --as-of DATE is required (e.g. trustlens run --as-of 2026-11-09 --from deliveries/2026-11-09)\n',
    );
  });

  it('exits 2 with the option, the value and the rule for a bad value', async () => {
    expect(await main(['run', '--as-of', '2026-13-45'])).toBe(2);
    expect(err.join('')).toBe(
      'trustlens: run: option --as-of: got "2026-13-45"; must be a date like 2026-11-02 (YYYY-MM-DD)\n',
    );
  });

  it('exits 2 for an unknown command', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(err.join('')).toBe('trustlens: unknown command frobnicate (see `trustlens --help`)\n');
  });

  it('exits 2 with one line when the warehouse does not exist', async () => {
    expect(await main(['report', '--as-of', '2026-11-02', '--warehouse', '/nonexistent/trustlens.duckdb'])).toBe(2);
    expect(err.join('')).toBe(
      'trustlens: warehouse /nonexistent/trustlens.duckdb does not exist; run `trustlens ingest` (or `trustlens run`) first, or pass --warehouse\n',
    );
  });
});
