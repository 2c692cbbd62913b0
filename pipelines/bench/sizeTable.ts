// The bench's printed tables: sizes side by side, stage by stage (wall, CPU, peak RSS), then the targets with PASS or
// MISS.
import { textTable } from '../../data/log/textTable.ts';
import type { TargetLine } from './benchTargets.ts';
import type { Measured } from './runCli.ts';
import { featuresRatio, stageOf, type RunTimings, type SizeResult, type StartResult } from './sizeResult.ts';

const n = (x: number, d = 0) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });

/** Wall seconds, CPU seconds (every thread) and peak RSS so far. */
export function cell(m: Measured): string {
  return `${n(m.seconds, 1)} s  ${n(m.cpuSeconds, 1)} s  ${n(m.peakRssMb)} MB`;
}

function stageRows(results: readonly SizeResult[], pick: (r: SizeResult) => RunTimings): string[][] {
  const names = [...new Set(results.flatMap((r) => pick(r).stages.map((s) => s.stage)))];
  return names.map((name) => {
    const cells = results.map((r) => {
      const s = stageOf(pick(r), name);
      return s ? cell(s) : '–';
    });
    return [`  ${name}`, ...cells];
  });
}

function ratioCell(r: SizeResult): string {
  const ratio = featuresRatio(r);
  if (ratio === null) return '–';
  const features = stageOf(r.week, 'features')!;
  const cpu = r.groupBy.cpuSeconds > 0 ? ` (CPU ${n(features.cpuSeconds / r.groupBy.cpuSeconds, 1)}×)` : '';
  return `${n(ratio, 1)}×${cpu}`;
}

function ingestCell(r: SizeResult): string {
  if (!r.ingest) return '–';
  const { ingestSeconds, plainSeconds, ratio } = r.ingest;
  return `${n(ingestSeconds, 1)} s ÷ ${n(plainSeconds, 1)} s = ${n(ratio, 2)}×`;
}

/** Sizes side by side: generation, the first and the weekly run stage by stage, the GROUP BY yardstick and ratios. */
export function sizeTable(results: readonly SizeResult[]): string {
  const head = ['wall  CPU  peak RSS', ...results.map((r) => `${r.size.label}: ${n(r.orders)} orders`)];
  const rows = [
    ['generate', ...results.map((r) => cell(r.generate))],
    ['first run, whole process', ...results.map((r) => cell(r.first))],
    ...stageRows(results, (r) => r.first),
    ['weekly run, whole process', ...results.map((r) => cell(r.week))],
    ...stageRows(results, (r) => r.week),
    [
      'plain GROUP BY pass per buyer',
      ...results.map(
        (r) => `${n(r.groupBy.seconds, 2)} s  ${n(r.groupBy.cpuSeconds, 2)} s  ${n(r.groupBy.buyers)} buyers`,
      ),
    ],
    ['weekly features ÷ GROUP BY pass', ...results.map(ratioCell)],
    ['ingest ÷ plain DuckDB load', ...results.map(ingestCell)],
  ];
  return textTable(head, rows);
}

export function startLine(start: StartResult): string {
  return `npm start (fresh folder, default marketplace of ${n(start.orders)} orders, generation included): ${cell(start)}`;
}

export function targetTable(lines: readonly TargetLine[]): string {
  return textTable(
    ['target (issue 19)', 'measured', 'verdict'],
    lines.map((l) => [l.target, l.measured, l.verdict]),
  );
}
