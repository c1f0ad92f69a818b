// DOMContentLoaded → first Answerdeck control, per core flavour, median over N loads of the Facebook post fixture.
// Usage: node scripts/bench-first-control.mjs [N]   (a benchmark: figures are printed, nothing is asserted)
import { launch, serveFixtures } from '../tests/e2e/harness.mjs';

const N = Number(process.argv[2] || 12);
const URL_POST = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [flavour, csp] of [['wasm', 'facebook'], ['wasm2js', 'strict']]) {
  const browser = await launch({ extensionDir: process.env.ANSWERDECK_EXTENSION_DIR || 'dist/chrome' });
  await serveFixtures(browser.context, { csp });
  await browser.context.addInitScript(() => {
    window.__dcl = null; window.__first = null;
    document.addEventListener('DOMContentLoaded', () => { window.__dcl = performance.now(); });
    new MutationObserver((_, o) => {
      if (document.querySelector('[data-answerdeck]')) { window.__first = performance.now(); o.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  const times = [];
  const page = await browser.context.newPage();
  for (let i = 0; i < N + 1; i++) {
    await page.goto(URL_POST, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__first !== null, null, { timeout: 10_000 });
    const t = await page.evaluate(() => window.__first - window.__dcl);
    if (i > 0) times.push(t); // the first load warms the HTTP and code caches
  }
  console.log(`first-control ${flavour}: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)} (n=${N})`);
  await browser.close();
}
