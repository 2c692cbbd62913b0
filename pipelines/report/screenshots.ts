// `npm run screenshots`: every report page as Chromium shows it at 1,400 px and 390 px wide, written as PNGs to look
// at.
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { chromium } from 'playwright-core';
import { loadConfig } from '../../data/config/loadConfig.ts';
import { UserError } from '../../data/validation/errors.ts';
import { INDEX_ONLY_PAGES, PAGES } from '../../reports/html/page.ts';
import { CHROMIUM, CHROMIUM_LAUNCH, chromiumInstalled } from './chromium.ts';

/** The widths every page is looked at: a laptop and a phone. */
export const SCREENSHOT_WIDTHS = [1400, 390] as const;
export const DEFAULT_SCREENSHOTS_DIR = 'reports/screenshots';

/** The newest <reportsDir>/<date>/ folder holding an index.html. */
export function newestReportDir(reportsDir: string): string | null {
  if (!existsSync(reportsDir)) return null;
  const dates = readdirSync(reportsDir)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && existsSync(join(reportsDir, d, 'index.html')))
    .sort();
  return dates.length ? join(reportsDir, dates.at(-1)!) : null;
}

/** Writes <out>/<page>-<width>.png for every page of `dir`; returns the files written. */
export async function takeScreenshots(dir: string, out: string): Promise<string[]> {
  if (!chromiumInstalled())
    throw new UserError(`screenshots need Debian's chromium at ${CHROMIUM}: apt-get install chromium`);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const files: string[] = [];
  try {
    for (const width of SCREENSHOT_WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      for (const p of [...PAGES, ...INDEX_ONLY_PAGES]) {
        if (!existsSync(resolve(dir, p.file))) continue;
        const page = await context.newPage();
        await page.goto(pathToFileURL(resolve(dir, p.file)).href, { waitUntil: 'load' });
        const file = join(out, `${p.key}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true, timeout: 180_000 });
        files.push(file);
        await page.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return files;
}

if (process.argv[1]?.endsWith('screenshots.ts')) {
  const program = new Command('npm run screenshots --')
    .option('--dir <DIR>', 'report folder to look at (default: the newest under config reportsDir)')
    .option('--out <DIR>', 'folder for the PNGs', DEFAULT_SCREENSHOTS_DIR)
    .option('--config <FILE>', 'config file (for reportsDir)')
    .parse();
  const o = program.opts<{ dir?: string; out: string; config?: string }>();
  const dir = o.dir ?? newestReportDir(loadConfig(o.config).config.reportsDir);
  if (!dir) {
    process.stderr.write('trustlens: no report folder found; run `npm start` or pass --dir\n');
    process.exitCode = 2;
  } else {
    takeScreenshots(dir, o.out).then(
      (files) => process.stdout.write(`${files.length} screenshots of ${dir} in ${o.out}/\n`),
      (err: unknown) => {
        process.stderr.write(`trustlens: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = err instanceof UserError ? 2 : 1;
      },
    );
  }
}
