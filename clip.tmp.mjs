// usage: node clip.mjs file.html width outPrefix [maxClips] [startY]
import { chromium } from 'playwright-core';
const [file, width, prefix, maxClips = '6', startY = '0'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 1000 } });
const page = await ctx.newPage();
await page.goto('file://' + file);
const h = await page.evaluate(() => document.documentElement.scrollHeight);
console.log('height', h);
let n = 0;
for (let y = Number(startY); y < h && n < Number(maxClips); y += 1000, n++) {
  await page.screenshot({ path: `${prefix}-${n}.png`, clip: { x: 0, y, width: Number(width), height: Math.min(1000, h - y) }, fullPage: true, timeout: 120000 });
}
await browser.close();
