// Debian's chromium as the report checks and screenshots launch it: headless, offline, no background traffic.
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export const chromiumInstalled = (): boolean => existsSync(CHROMIUM);

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
