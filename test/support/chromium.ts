// Where the browser checks find Debian's chromium and how they launch it; one place for both the reports and notebooks suites.
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Locally without chromium the browser suites are skipped with a message; in CI they must run (.ci/run installs chromium). */
export const runBrowserChecks = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!runBrowserChecks)
  console.warn(`browser tests skipped: ${CHROMIUM} not found (install Debian's chromium; they always run in CI)`);

/** Headless, offline: no background networking, updates or sync, so any request a page makes is its own. */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
