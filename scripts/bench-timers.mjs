// What the response timers cost a page, in Chromium with the built extension (dist/chrome, or
// ANSWERDECK_EXTENSION_DIR): on each fixture, the main-thread script time per second while the page sits idle
// with its timers ticking (the once-a-second redraw plus the re-read of the page every 5 s), measured with the
// DevTools Performance metrics against the same page without the extension, and the long tasks (> 50 ms) seen
// from load to the end (design.md §6: none may come from the extension). Figures only, nothing is asserted.
// Usage: node scripts/bench-timers.mjs [seconds=10]
import { launch, serveFixtures, openFixture } from '../tests/e2e/harness.mjs';
import { EXTENSION_DIR } from '../tests/e2e/extension.mjs';

const SECONDS = Number(process.argv[2] || 10);
const PAGES = [
  ['Messenger, 6 rows + thread', 'https://www.facebook.com/messages/t/100012345678901/'],
  ['messenger.com, 150 recycled rows', 'https://www.messenger.com/t/100081234567890'],
  ['X Chat, 200 conversations in 20 slots', 'https://x.com/i/chat/1589427603-1880000000000000000'],
];

async function measure(extensionDir, url) {
  const browser = await launch({ extensionDir });
  try {
    await serveFixtures(browser.context, { csp: url.includes('x.com') ? 'x' : 'facebook' });
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    await openFixture(browser.context, url, { page });
    const timers = async () => page.evaluate(() => document.querySelectorAll('[data-answerdeck="timer"][data-state]').length);
    for (let i = 0; i < 50 && extensionDir && !(await timers()); i++) await page.waitForTimeout(100);
    await page.waitForTimeout(1500);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const script = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value;
    const before = await script();
    await page.waitForTimeout(SECONDS * 1000);
    const msPerSecond = ((await script()) - before) * 1000 / SECONDS;
    return { msPerSecond, timers: await timers(), longTasks: await page.evaluate(() => window.__longTasks) };
  } finally {
    await browser.close();
  }
}

for (const [name, url] of PAGES) {
  const without = await measure(null, url);
  const withExtension = await measure(EXTENSION_DIR, url);
  console.log(`${name}: ${withExtension.timers} timers; idle script time ${withExtension.msPerSecond.toFixed(2)} ms/s with the extension, ` +
    `${without.msPerSecond.toFixed(2)} ms/s without (timers: ${(withExtension.msPerSecond - without.msPerSecond).toFixed(2)} ms per second); ` +
    `long tasks: ${JSON.stringify(withExtension.longTasks)} (without: ${JSON.stringify(without.longTasks)})`);
}
