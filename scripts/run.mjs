// `make run`: Chromium with Answerdeck on the bundled demo pages, served at the real facebook.com and x.com URLs
// (the test fixtures), so anyone can try it without an account. Without a display: says so, runs headless,
// tries a reply on each demo page and saves screenshots to build/run/.
import { mkdirSync } from 'node:fs';
import { launch, serveFixtures, openFixture, clickClosedHost } from '../tests/e2e/harness.mjs';
import { execFileSync } from 'node:child_process';

execFileSync('node', ['tests/e2e/build-fixtures.mjs'], { stdio: 'inherit' });
const DEMOS = [
  ['facebook', 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl'],
  ['x', 'https://x.com/nordlichtkaffee/status/1859842261514375168'],
];
// Conversations, for labels, the label filter and notes.
const INBOXES = [
  ['messenger', 'https://www.facebook.com/messages/t/100012345678901/'],
  ['x-chat', 'https://x.com/i/chat/1589427603-1880000000000000000'],
];
const headed = !!process.env.DISPLAY;
if (!headed) console.log('run: no display found ($DISPLAY is empty): running headless and saving screenshots to build/run/.');
const browser = await launch({ extensionDir: 'dist/chrome', headless: !headed });
await serveFixtures(browser.context, { csp: 'none' });
if (headed) {
  for (const [, url] of [...DEMOS, ...INBOXES]) await openFixture(browser.context, url);
  await (await browser.context.newPage()).goto(`chrome-extension://${browser.extensionId}/statistics.html`);
  console.log('run: Chromium is open on the demo pages. Click "Reply" under a comment; in the inboxes, "+ Label" and "✎ Note"; the clocks show how long each customer has waited, and the last tab has the statistics. Close the window to quit.');
  await new Promise((resolve) => browser.context.on('close', resolve));
} else {
  mkdirSync('build/run', { recursive: true });
  for (const [site, url] of DEMOS) {
    const { page } = await openFixture(browser.context, url);
    await page.waitForSelector('[data-answerdeck="reply"]', { timeout: 10_000 });
    await page.waitForTimeout(500);
    await clickClosedHost(page, '[data-answerdeck="reply"]');
    await page.keyboard.type('ord');
    await page.screenshot({ path: `build/run/${site}-picker.png` });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `build/run/${site}-inserted.png` });
    console.log(`run: ${site}: build/run/${site}-picker.png, build/run/${site}-inserted.png`);
  }
  for (const [site, url] of INBOXES) {
    const { page } = await openFixture(browser.context, url);
    await page.waitForSelector('[data-answerdeck="notes"]', { timeout: 10_000 });
    await page.waitForTimeout(500);
    await clickClosedHost(page, '[data-answerdeck="labels"]', { nth: (await page.locator('[data-answerdeck="labels"]').count()) - 2 });
    await page.waitForTimeout(800);
    await page.keyboard.type('VIP');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `build/run/${site}-labels.png` });
    console.log(`run: ${site}: build/run/${site}-labels.png`);
  }
  // The response timers' statistics from what these pages showed (waits seen, answers seen).
  const stats = await browser.context.newPage();
  await stats.goto(`chrome-extension://${browser.extensionId}/statistics.html`);
  await stats.waitForTimeout(1000);
  await stats.screenshot({ path: 'build/run/statistics.png', fullPage: true });
  console.log('run: statistics: build/run/statistics.png');
  await browser.close();
}
