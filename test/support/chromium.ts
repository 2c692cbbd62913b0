// Where the browser checks find Debian's chromium and how they launch it; one place for the reports and notebooks
// suites and `npm run screenshots`.
import { CHROMIUM, CHROMIUM_LAUNCH, chromiumInstalled } from '../../pipelines/report/chromium.ts';

export { CHROMIUM, CHROMIUM_LAUNCH };

/**
 * Locally without chromium the browser suites are skipped with a message; in CI they must run (.ci/run installs
 * chromium).
 */
export const runBrowserChecks = chromiumInstalled() || Boolean(process.env.CI);
if (!runBrowserChecks)
  console.warn(`browser tests skipped: ${CHROMIUM} not found (install Debian's chromium; they always run in CI)`);
