// A whole generated week through the real stages: every reason string states a known fact, and the report compares like
// with like after a retrain.
import { INACTIVE_REASON } from '../../pipelines/score/scoreMerchants.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMarketplace } from '../../data/synthetic/generateMarketplace.ts';
import { configSchema } from '../../data/config/configSchema.ts';
import { createLogger } from '../../data/log/Logger.ts';
import { addDays } from '../../data/time/isoDate.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { fillTemplate } from '../../models/explain/fillTemplate.ts';
import { MODEL_SPECS, type ModelSpec } from '../../models/specs/index.ts';
import { specCatalogue, type CatalogueEntry } from '../../models/specs/specCatalogue.ts';
import { featureCatalog } from '../../pipelines/features/featureCatalog.ts';
import { loadFeatureColumns } from '../../pipelines/features/loadFeatureColumns.ts';
import { runRun } from '../../pipelines/run/runRun.ts';
import { loadReportData } from '../../reports/loadReportData.ts';
import { DEFAULT_REPORT_SETTINGS, type ReportData } from '../../reports/reportData.ts';

const END = '2026-11-02';
const root = mkdtempSync(join(tmpdir(), 'trustlens-reasons-'));
const warehouse = join(root, 'wh.duckdb');
const log = createLogger({ verbosity: 'quiet' });
const config = configSchema.parse({
  warehouse,
  dataDir: join(root, 'none'),
  artifactsDir: join(root, 'artifacts'),
  reportsDir: join(root, 'reports'),
  training: { snapshotWeeks: 6, validationWeeks: 2, nTrees: 20, threads: 1, retrainIntervalDays: 28 },
  labels: { abuseLabelDelayDays: 14, merchantHorizonDays: 56 },
  simulate: { weeks: 3, bootstrap: 20 },
  report: { trendWeeks: 4, moverMinOrders: 5 },
  review: { capacity: 60 },
});

interface Pattern {
  feature: string;
  regex: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per feature a reason may cite, capturing the value; the typical value is the "(typical: …)" suffix. */
function patterns(spec: ModelSpec): Pattern[] {
  const entries: CatalogueEntry[] = specCatalogue(spec, featureCatalog()[spec.featureTable].columns);
  return spec.features.map((feature) => {
    const e = entries.find((x) => x.name === feature)!;
    const template = spec.reasonTemplates[feature];
    const text =
      template ??
      `${e.description.replace(/\.\s*$/, '').replace(/^([A-Z])(?=[a-z])/, (c) => c.toLowerCase())}${e.window === 'none' ? '' : ` (${e.window})`}: {value}`;
    // A count of one reads in the singular ("1 refund-only request"): that wording cites the same feature.
    const singular = text.startsWith('{value}') ? fillTemplate(text, '1').replace(/^1/, '{value}') : text;
    const either = [...new Set([text, singular])].map((t) => escape(t).replace('\\{value\\}', '(.+?)'));
    return { feature, regex: new RegExp(`^(?:${either.join('|')})$`) };
  });
}

/** The problems of one reason string; empty when it cites a known fact that differs from the typical value. */
function reasonProblems(sentence: string, spec: ModelSpec, pats: Pattern[]): string[] {
  // An inactive shop's one reason is the fact that makes it inactive, not a feature of the model.
  if (sentence === INACTIVE_REASON) return [];
  // A worst-standard reason cites the standard it names in this row, then the shop's percentile on it.
  const named = /^(.*), worse than (\d+(?:\.\d+)?%) of shops$/.exec(sentence);
  const m = /^(.*) \(typical: ([^()]*)\)$/.exec(sentence);
  const body = named ? named[1]! : m ? m[1]! : sentence;
  const typical = m && !named ? m[2]! : null;
  const hits = pats
    .map((p) => ({
      feature: p.feature,
      value: p.regex
        .exec(body)
        ?.slice(1)
        .find((v) => v !== undefined),
    }))
    .filter((h) => h.value !== undefined);
  const out: string[] = [];
  if (hits.length === 0) out.push('matches no feature of the model');
  if (/(^|[^\d.])[-\u2212]0(\.0+)?(?![\d.])/.test(sentence)) out.push('shows a negative zero');
  if (/no data for|\bnone\b|NaN/.test(sentence)) out.push('cites an unknown value');
  for (const h of hits) {
    if (spec.notReasons.includes(h.feature))
      out.push(`cites ${h.feature}, which is never a reason (an estimate or context)`);
    if (typical !== null && h.value === typical) out.push(`value ${h.value} equals the typical value`);
  }
  return out;
}

describe('a whole generated week, scored and reported', () => {
  let wh: Warehouse;
  let report: ReportData;

  beforeAll(async () => {
    const data = join(root, 'data');
    await generateMarketplace({
      seed: 7,
      buyers: 1500,
      merchants: 80,
      weeks: 30,
      end: END,
      out: data,
      threads: 2,
      memoryLimit: '512MB',
    });
    // Last week with the models of its time, then this week retrained: the report must compare under one model.
    await runRun({ asOf: addDays(END, -7), from: data, retrain: false }, { config, warehouse, log });
    await runRun({ asOf: END, retrain: true }, { config, warehouse, log });
    wh = await Warehouse.open({ path: warehouse });
    report = await loadReportData(wh, END, {
      trendWeeks: 4,
      movers: 10,
      moverMinOrders: 5,
      reviewCapacity: 60,
      artifactsDir: config.artifactsDir,
      settings: {
        retrainIntervalDays: 28,
        merchantHorizonDays: 56,
        currency: 'CNY',
        tiers: config.tiers,
        notebookUrl: null,
        govern: DEFAULT_REPORT_SETTINGS.govern,
      },
      scoring: {
        artifactsDir: config.artifactsDir,
        threads: 1,
        loadFeatures: (spec, date) => loadFeatureColumns(wh, spec, date),
      },
    });
  }, 900_000);

  afterAll(() => {
    wh?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('states every buyer and merchant reason as a known fact, never -0, never equal to the typical value', async () => {
    for (const [table, model] of [
      ['score_buyer_history', 'abuse-risk'],
      ['score_merchant_history', 'merchant-trust'],
    ] as const) {
      const spec = MODEL_SPECS[model];
      const pats = patterns(spec);
      const rows = await wh.all<{ r: string }>(`select unnest(reasons) as r from ${table} where as_of = $d::date`, {
        d: END,
      });
      expect(rows.length).toBeGreaterThan(20);
      const bad = rows
        .map((x) => ({ reason: x.r, problems: reasonProblems(x.r, spec, pats) }))
        .filter((x) => x.problems.length);
      expect(bad).toEqual([]);
    }
  });

  it('catches the reasons the issue saw', () => {
    const spec = MODEL_SPECS['abuse-risk'];
    const pats = patterns(spec);
    expect(reasonProblems('3 refund-only requests in 90 days (typical: -0.0)', spec, pats)).toContain(
      'shows a negative zero',
    );
    expect(reasonProblems("2 'not received' claims in 90 days (typical: 2)", spec, pats)).toContain(
      'value 2 equals the typical value',
    );
    expect(
      reasonProblems(
        '4.2 more refund-only requests than the shops bought from would explain (90 days) (typical: 0.0)',
        spec,
        pats,
      )[0],
    ).toMatch(/never a reason/);
  });

  it("rescores last week with this week's models and says which changed", () => {
    const c = report.weekly.comparison;
    expect(c.previousAsOf).toBe(addDays(END, -7));
    expect(c.changed.map((m) => m.model).sort()).toEqual(['abuse-risk', 'merchant-trust']);
    expect(c.changed.every((m) => m.now === END && m.before !== END)).toBe(true);
    expect(c.rescored).toBe(true);
    expect(report.weekly.flagged?.previousPublished).not.toBeUndefined();
  });

  it('leaves inactive and low-order merchants out of the movers, and explains each move by features that moved its way', () => {
    const m = report.weekly.movers!;
    expect(m.reasonsExplained).toBe(true);
    expect(m.fallers.length + m.risers.length).toBeGreaterThan(0);
    for (const x of [...m.fallers, ...m.risers]) expect(x.tierNow).not.toBe('inactive');
    for (const r of [...m.fallers, ...m.risers].flatMap((x) => x.reasons)) expect(r).toMatch(/\(last week: [^)]+\)$/);
  });

  it('sees a complete week and its complete predecessor', () => {
    expect([report.coverage.current.status, report.coverage.previous.status]).toEqual(['complete', 'complete']);
  });
});
