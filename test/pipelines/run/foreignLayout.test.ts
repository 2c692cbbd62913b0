// A foreign layout written for the tests (fixtures/foreign-export + its mapping): order lines, guest and multi-shop
// checkouts, cancellations of checkouts before the export, reused review ids, no products file, 36 category codes. It
// ingests with nothing quarantined, runs end to end, and its pages render without NaN and with the right empty states.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { formatRunSummary } from '../../../pipelines/run/formatRunSummary.ts';
import { runWeeklyOn, type WeeklyRunSummary } from '../../../pipelines/run/runWeekly.ts';

const AS_OF = '2026-11-02';
const FROM = join(import.meta.dirname, 'fixtures', 'foreign-export');
const MAPPING = join(import.meta.dirname, 'fixtures', 'foreign-export.yaml');
const root = mkdtempSync(join(tmpdir(), 'trustlens-foreign-'));
const config = configSchema.parse({
  warehouse: join(root, 'warehouse.duckdb'),
  artifactsDir: join(root, 'artifacts'),
  reportsDir: join(root, 'reports'),
  training: { nTrees: 10, threads: 1 },
  simulate: { weeks: 4, bootstrap: 10 },
});

let wh: Warehouse;
let summary: WeeklyRunSummary;
let text: string;
const page = (name: string) => readFileSync(join(config.reportsDir, AS_OF, name), 'utf8');
/** A page's text without markup, styles or charts, whitespace collapsed. */
const words = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  wh = await Warehouse.open({ path: config.warehouse });
  summary = await runWeeklyOn(
    wh,
    { asOf: AS_OF, from: FROM, mapping: MAPPING, retrain: false },
    { config, log: createLogger({ verbosity: 'quiet' }) },
  );
  text = formatRunSummary(summary);
}, 300_000);

afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a foreign export through its mapping', () => {
  it('ingests every row: nothing quarantined, per table read = inserted', () => {
    expect(summary.ingest!.tables.map((t) => [t.table, t.read, t.inserted, t.quarantined])).toEqual([
      ['buyers', 12, 12, 0],
      ['merchants', 6, 6, 0],
      // 70 order lines of 44 checkouts, split into one order per shop
      ['orders', 52, 52, 0],
      ['refund_requests', 10, 10, 0],
      ['reviews', 24, 24, 0],
    ]);
    expect(summary.ingest!.absent).toEqual(['service_tickets', 'merchant_actions', 'investigations']);
  });

  it('keeps what the layout carries: split checkouts, guests, category codes, early cancellations, reused review ids', async () => {
    const [o] = await wh.all<Record<string, bigint>>(
      `select count(*) filter (where buyer_id is null) as guests,
              count(distinct parent_order_id) filter (where order_id <> parent_order_id || '-' || merchant_id) as broken,
              count(*) - count(distinct parent_order_id) as extra_shops,
              count(*) filter (where category = 'other' and category_source is not null) as other_kept,
              count(distinct category_source) as codes_kept
       from orders`,
    );
    expect(o).toEqual({ guests: 7n, broken: 0n, extra_shops: 8n, other_kept: 24n, codes_kept: 10n });
    // the three cancellations of checkouts placed before the export load, flagged
    const flags = await wh.all<{ value: string }>(
      "select value from load_flags where table_name = 'refund_requests' order by value",
    );
    expect(flags.map((f) => f.value)).toEqual(['A0990-H01', 'A0991-H03', 'A0992-H02']);
    expect(
      await wh.scalar<bigint>('select count(*) from (select review_id from reviews group by 1 having count(*) > 1)'),
    ).toBeGreaterThan(0n);
  });

  it('runs end to end with the starter models, counting guest checkouts and the shop without recent orders', () => {
    expect(summary.stages.map((s) => s.stage)).toContain('export');
    expect(summary.score).toMatchObject({ buyerModelSource: 'starter', merchantModelSource: 'starter', buyers: 12 });
    expect(summary.score.merchantTiers).toMatchObject({ inactive: 1 });
    expect(text).toContain('(52 orders in the warehouse, 7 of them guest checkouts: counted for their merchants');
    expect(text).toContain('NOTE:      scored with STARTER models (abuse-risk, merchant-trust)');
  });

  it('renders every page without NaN, each with the starter notice', () => {
    const pages = readdirSync(join(config.reportsDir, AS_OF)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const p of pages) {
      const html = page(p);
      expect(html, p).not.toMatch(/\bNaN\b|undefined|Infinity/);
      expect(html, p).toContain('scored with starter models');
    }
  });

  it('says the review queue is empty (no refund-only money in 90 days), and that no refund request was there to replay', () => {
    expect(words(page('risk-queue.html'))).toContain('The queue is empty this week.');
    const policy = words(page('policy-impact.html'));
    expect(policy).toContain('no refund requests in the replayed weeks');
    // not the empty states of a broken simulation
    expect(policy).not.toContain('no status-quo scenario');
    expect(policy).not.toContain('no trade-off data');
  });

  it('leaves no scratch table behind: each stage drops its temp tables when it ends', async () => {
    expect(await wh.all('select table_name from duckdb_tables() where temporary')).toEqual([]);
    expect(await wh.all('select view_name from duckdb_views() where temporary and not internal')).toEqual([]);
  });
});
