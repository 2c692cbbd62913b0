// A CLI that explains itself: version, typo suggestions, required options and examples in help, one error prefix,
// inputs checked before the lock.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../pipelines/cli/main.ts';
import { COMMANDS } from '../../../pipelines/cli/commandTable.ts';
import { suggest } from '../../../pipelines/cli/suggest.ts';
import { formatRunSummary } from '../../../pipelines/run/formatRunSummary.ts';
import type { WeeklyRunSummary } from '../../../pipelines/run/runWeekly.ts';

let out: string[];
let err: string[];
let dir: string;
beforeEach(() => {
  out = [];
  err = [];
  dir = mkdtempSync(join(tmpdir(), 'trustlens-cli-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('trustlens CLI explains itself', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await main(['--version'])).toBe(0);
    expect(out.join('')).toBe(`${version}\n`);
  });

  it('names an unknown option and suggests the one meant, before complaining about missing ones', async () => {
    expect(await main(['run', '--asof', '2026-11-02'])).toBe(2);
    expect(err.join('')).toBe('trustlens: unknown option --asof, did you mean --as-of? (see `trustlens run --help`)\n');
  });

  it('suggests commands and options only when one is close', () => {
    expect(suggest('--asof', ['--as-of', '--from'])).toBe('--as-of');
    expect(suggest('--form', ['--as-of', '--from'])).toBe('--from');
    expect(suggest('--retrian', ['--retrain', '--timings'])).toBe('--retrain');
    expect(suggest('--banana', ['--as-of', '--from'])).toBeNull();
    expect(
      suggest(
        'reprot',
        COMMANDS.map((c) => c.name),
      ),
    ).toBe('report');
  });

  it("marks required options and shows the examples in each command's help", async () => {
    for (const c of COMMANDS) {
      out = [];
      expect(await main([c.name, '--help'])).toBe(0);
      const help = out.join('');
      for (const o of c.options.filter((x) => x.required))
        expect(help).toMatch(new RegExp(`--${o.flag} <${o.value}>[^\\n]*\\n?[^-]*\\(required\\)`));
      expect(help).toContain('Examples:');
      for (const e of c.examples) expect(help).toContain(e.command);
    }
  });

  it('gives every command an example that uses only its own options', () => {
    for (const c of COMMANDS) {
      expect(c.examples.length).toBeGreaterThan(0);
      for (const e of c.examples) {
        expect(e.command.startsWith(`trustlens ${c.name}`)).toBe(true);
        for (const flag of e.command.match(/--[a-z-]+/g) ?? [])
          expect(c.options.map((o) => `--${o.flag}`)).toContain(flag);
        for (const o of c.options.filter((x) => x.required)) expect(e.command).toContain(`--${o.flag}`);
      }
    }
  });

  it('prefixes every error once', async () => {
    expect(await main(['run', '--as-of', '2026-13-45'])).toBe(2);
    expect(err.join('')).toBe(
      'trustlens: run: option --as-of: got "2026-13-45"; must be a date like 2026-11-02 (YYYY-MM-DD)\n',
    );
    err = [];
    expect(await main(['run'])).toBe(2);
    expect(err.join('')).toMatch(/^trustlens: run: option --as-of DATE is required \(e\.g\. trustlens run --as-of /);
  });

  it("lists a config file's problems and those of the policy files it names in one run", async () => {
    const config = join(dir, 'bad-config.json');
    const missing = join(dir, 'nope.yaml');
    writeFileSync(config, JSON.stringify({ reportDir: '/tmp/x', simulate: { policies: [missing] } }));
    expect(await main(['report', '--as-of', '2026-11-02', '--config', config])).toBe(2);
    expect(err.join('')).toBe(
      [
        `trustlens: ${config}: 2 problems`,
        '  - unknown key "reportDir": remove it or check the spelling',
        `  - ${missing}: cannot read (ENOENT); check the path`,
        '',
      ].join('\n'),
    );
  });

  it('checks input folders before taking the run lock or creating the warehouse', async () => {
    const warehouse = join(dir, 'wh.duckdb');
    expect(await main(['run', '--as-of', '2026-11-02', '--from', '/nonexistent', '--warehouse', warehouse])).toBe(2);
    expect(err.join('')).toBe('trustlens: run: --from /nonexistent: no such folder; check the path\n');
    expect(existsSync(warehouse)).toBe(false);
    expect(existsSync(`${warehouse}.lock`)).toBe(false);
  });

  it('writes --timings when the run fails too', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        dataDir: join(dir, 'none'),
        reportsDir: join(dir, 'reports'),
        artifactsDir: join(dir, 'artifacts'),
      }),
    );
    const timings = join(dir, 'timings.json');
    expect(
      await main([
        'run',
        '--as-of',
        '2026-11-02',
        '--warehouse',
        join(dir, 'wh.duckdb'),
        '--config',
        config,
        '--timings',
        timings,
        '--quiet',
      ]),
    ).toBe(2);
    const t = JSON.parse(readFileSync(timings, 'utf8')) as { asOf: string; stages: { stage: string }[]; error: string };
    expect(t.asOf).toBe('2026-11-02');
    expect(t.stages.map((s) => s.stage)).toEqual(['ingest']);
    expect(t.error).toMatch(/has no tables? .*orders/);
  });
});

describe('run summary', () => {
  const summary: WeeklyRunSummary = {
    asOf: '2026-11-02',
    stages: [{ stage: 'score', seconds: 1.5, cpuSeconds: 1.4, peakRssMb: 100, note: '' }],
    seconds: 3,
    ingest: null,
    ingestFrom: null,
    orders: 200_000,
    guestOrders: 0,
    trained: [],
    backfilledWeeks: [],
    score: {
      asOf: '2026-11-02',
      buyers: 15_234,
      merchants: 10,
      queue: 0,
      buyerTiers: { normal: 15_234 },
      merchantTiers: { 'top-rated': 9, inactive: 1 },
      buyerModelDate: '2026-10-05',
      merchantModelDate: '2026-10-05',
      buyerModelSource: 'trained',
      merchantModelSource: 'trained',
      merchantMoves: { model: 0, data: 0 },
      queueSummary: {
        capacity: 200,
        queued: 0,
        handled: 0,
        belowRiskFloor: 15_234,
        belowLossFloor: 0,
        minRisk: 0.2,
        minExpectedLoss: 10,
      },
    },
    simulated: { policies: 5, requests: 0 },
    govern: {
      asOf: '2026-11-02',
      weeks: ['2026-11-02'],
      computed: ['2026-11-02'],
      merchants: 10,
      actions: { warning: 3, point_deduction: 1 },
      escalations: 0,
      spotChecks: 0,
      compensation: { confirmed: 0, expected: 0 },
      seconds: 0,
    },
    reportsIndex: '/tmp/r/index.html',
    history: {
      start: '2025-11-03',
      weeks: 52,
      modelNeeds: {
        'abuse-risk': { minWeeks: 10, fullWeeks: 24 },
        'merchant-trust': { minWeeks: 16, fullWeeks: 30 },
        'request-risk': { minWeeks: 10, fullWeeks: 24 },
      },
      replayNeeds: 13,
      unscoredWeeks: [],
      unreplayedWeeks: [],
    },
    labelShortfalls: [],
  };

  it('says a model trained this run could not be trained for the past weeks, not that it cannot be trained', () => {
    const explanation = 'it learns from investigations … known before 2026-08-31; the history starts 2026-08-24';
    const text = formatRunSummary({
      ...summary,
      trained: ['abuse-risk'],
      labelShortfalls: [
        { model: 'abuse-risk', explanation },
        { model: 'merchant-trust', explanation },
      ],
    });
    expect(text).toContain(
      `labels:    abuse-risk was trained this run, but not for the past weeks it scored first (an older model or the starter scored them): ${explanation}`,
    );
    expect(text).toContain(`labels:    merchant-trust cannot be trained here yet: ${explanation}`);
    expect(text).not.toContain('abuse-risk cannot be trained here yet');
  });

  it('names every tier with its count, zeros included', () => {
    const text = formatRunSummary(summary);
    expect(text).toContain('flagged:   0 high, 0 elevated buyers of 15,234; 0 in the review queue');
    expect(text).toContain('merchants: 9 top-rated, 0 standard, 0 watch, 0 at-risk, 1 inactive');
    expect(text).toContain('governance: 3 warning, 1 point deduction recommended; 0 spot checks');
  });
});
