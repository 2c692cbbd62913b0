// The bench's printed tables: wall, CPU and peak RSS per stage side by side, the GROUP BY ratio, target verdicts.
import { describe, expect, it } from 'vitest';
import { BENCH_SIZES } from '../../../pipelines/bench/benchArgs.ts';
import { parseTimeOutput } from '../../../pipelines/bench/runCli.ts';
import { cell, sizeTable, startLine, targetTable } from '../../../pipelines/bench/sizeTable.ts';
import { sizeResult } from './benchFixtures.ts';

const [K100, M1] = BENCH_SIZES as [(typeof BENCH_SIZES)[number], (typeof BENCH_SIZES)[number]];

describe('sizeTable', () => {
  it('puts sizes side by side, stage by stage, with the GROUP BY pass and the features ratio (wall and CPU)', () => {
    const text = sizeTable([
      sizeResult(K100, { first: 40, week: 8, peakRssMb: 600, features: 0.8, simulate: 1, report: 2, groupBy: 0.04 }),
      sizeResult(M1, {
        first: 300,
        week: 30.25,
        peakRssMb: 1343,
        features: 4.1,
        simulate: 2.5,
        report: 3.5,
        groupBy: 0.2,
      }),
    ]);
    const rows = text.split('\n');
    expect(rows[0]).toMatch(/^wall {2}CPU {2}peak RSS\s+100k: 100,000 orders\s+1M: 1,000,000 orders$/);
    expect(rows.find((r) => r.startsWith('weekly run, whole process'))).toMatch(/30\.3 s {2}45\.4 s {2}1,343 MB$/);
    expect(rows.filter((r) => r.startsWith('  features'))).toHaveLength(2);
    expect(rows.find((r) => r.startsWith('plain GROUP BY pass per buyer'))).toMatch(
      /0\.04 s {2}0\.08 s {2}10,000 buyers\s+0\.20 s {2}0\.40 s {2}100,000 buyers$/,
    );
    // features CPU is twice its wall time in the fixture, as is the pass's: the CPU ratio equals the wall ratio
    expect(rows.find((r) => r.startsWith('weekly features ÷ GROUP BY pass'))).toMatch(
      /20\.0× \(CPU 20\.0×\)\s+20\.5× \(CPU 20\.5×\)$/,
    );
    expect(rows.at(-1)).toMatch(/^ingest ÷ plain DuckDB load\s+–\s+–$/);
  });

  it('shows a stage a size did not run as –', () => {
    const a = sizeResult(K100, {
      first: 40,
      week: 8,
      peakRssMb: 600,
      features: 0.8,
      simulate: 1,
      report: 2,
      groupBy: 0.04,
    });
    const b = sizeResult(M1, {
      first: 300,
      week: 30,
      peakRssMb: 1343,
      features: 4.1,
      simulate: 2.5,
      report: 3.5,
      groupBy: 0.2,
    });
    b.week.stages = b.week.stages.filter((s) => s.stage !== 'report');
    const row = sizeTable([a, b])
      .split('\n')
      .find((r) => r.startsWith('  report'));
    expect(row).toMatch(/^ {2}report\s+2\.0 s {2}2\.0 s {2}500 MB\s+–$/);
  });
});

describe('cell, startLine and targetTable', () => {
  it('formats wall, CPU and peak RSS', () => {
    expect(cell({ seconds: 61.25, cpuSeconds: 88.04, peakRssMb: 1234.4 })).toBe('61.3 s  88.0 s  1,234 MB');
    expect(startLine({ seconds: 42, cpuSeconds: 50, peakRssMb: 700, orders: 210_345 })).toBe(
      'npm start (fresh folder, default marketplace of 210,345 orders, generation included): 42.0 s  50.0 s  700 MB',
    );
  });

  it('lists each target with its measure and verdict', () => {
    expect(
      targetTable([
        { target: 'first run, 1M orders: < 60 s', measured: '59.9 s', verdict: 'PASS' },
        { target: 'weekly run, 10M orders: < 120 s', measured: '–', verdict: 'not run' },
      ]),
    ).toBe(
      [
        'target (issue 19)                measured  verdict',
        '-------------------------------  --------  -------',
        'first run, 1M orders: < 60 s     59.9 s    PASS',
        'weekly run, 10M orders: < 120 s  –         not run',
      ].join('\n'),
    );
  });
});

describe('parseTimeOutput', () => {
  it('reads peak KB, user and system seconds from /usr/bin/time -f "%M %U %S"', () => {
    expect(parseTimeOutput('1048576 12.50 1.25\n')).toEqual({ cpuSeconds: 13.75, peakRssMb: 1024 });
    // a child killed by a signal makes time write a line before the figures
    expect(parseTimeOutput('Command terminated by signal 9\n2048 0.10 0.00\n')).toEqual({
      cpuSeconds: 0.1,
      peakRssMb: 2,
    });
  });

  it('names the line it cannot read', () => {
    expect(() => parseTimeOutput('garbage')).toThrow(
      '/usr/bin/time wrote "garbage", expected "peakKB userSeconds systemSeconds"',
    );
  });
});
