// Picker speed with a big library, in Chromium with the built extension (dist/chrome, or ANSWERDECK_EXTENSION_DIR):
// imports N generated replies (default 30,000) through the background, opens the Facebook post fixture, then
//  - opens the picker on the main composer R times (click → picker with its list on screen), and
//  - types queries letter by letter (key → new results on screen, including the round trip to the background's
//    search),
// reading the extension's own user-timing measures (`answerdeck:picker-open`, `answerdeck:keystroke`, see
// src/dom/timing.rs) from the page. Prints median / p95 / max against the budgets of design.md §6.
// Usage: node scripts/bench-picker.mjs [replies=30000] [rounds=15]
import { startBrowser, open, importReplies } from '../tests/e2e/extension.mjs';
import { waitForHosts, clickClosedHost } from '../tests/e2e/harness.mjs';

const REPLIES = Number(process.argv[2] || 30000);
const ROUNDS = Number(process.argv[3] || 15);
const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const QUERIES = ['order', 'refund', 'lieferung', 'opening hours', 'refnd', 'abholung'];

/** A deterministic library that looks like a big team's: topics × products × tones, three languages. */
function library(count) {
  const topics = ['Order status', 'Refund', 'Delivery delay', 'Opening hours', 'Wholesale', 'Subscription pause', 'Grind size', 'Damaged parcel', 'Gift card', 'Newsletter', 'Allergens', 'Decaf', 'Vouchers', 'Café events', 'Returns'];
  const products = ['Winterblend', 'Ethiopia Guji', 'Espresso Nord', 'Decaf Kolumbien', 'Cold brew kit', 'V60 bundle', 'Hafermilch', 'Mug', 'Subscription', 'Gift box'];
  const tones = ['friendly', 'formal', 'short', 'apology', 'follow-up'];
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const replies = [];
  for (let i = 0; i < count; i++) {
    const topic = topics[rand(topics.length)], product = products[rand(products.length)], tone = tones[rand(tones.length)];
    replies.push({
      id: `bench-${i}`,
      title: `${topic} — ${product} (${tone}) #${i}`,
      body: `Hi {first_name|there}, about your ${product}: ${topic.toLowerCase()} is something we take seriously. Our team checks every order by hand and replies within a day. Reference ${i}.`,
      variants: {
        de: `Hallo {first_name|zusammen}, zu deinem ${product}: wir kümmern uns um ${topic} und melden uns innerhalb eines Tages. Referenz ${i}.`,
        da: `Hej {first_name|med dig}, om din ${product}: vi tager os af det og svarer inden for en dag. Reference ${i}.`,
      },
      language: 'en',
      folder: topic,
      tags: [tone, product.split(' ')[0].toLowerCase()],
      shortcut: i % 50 === 0 ? `s${i}` : undefined,
      favorite: i % 997 === 0,
    });
  }
  return replies;
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
};
const line = (label, values, budget) =>
  console.log(`${label.padEnd(34)} median ${pct(values, 0.5).toFixed(1).padStart(6)} ms   p95 ${pct(values, 0.95).toFixed(1).padStart(6)} ms   max ${Math.max(...values).toFixed(1).padStart(6)} ms   (n=${values.length}, budget ≤ ${budget} ms${pct(values, 0.95) <= budget ? ', ok' : ', OVER'})`);

const browser = await startBrowser({ csp: 'facebook' });
try {
  const importStart = Date.now();
  await importReplies(browser, library(REPLIES));
  console.log(`library: ${REPLIES} replies imported in ${((Date.now() - importStart) / 1000).toFixed(1)} s`);
  const { page } = await open(browser, POST_EN);
  await waitForHosts(page, 'composer', 1);
  // The tab loads the library after the import announced it; wait until the picker lists bench replies.
  await page.waitForTimeout(500);
  const measures = (name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
  const clear = () => page.evaluate(() => performance.clearMeasures());
  // Warm-up: the first search after a library change builds the background's index (reported below).
  await clickClosedHost(page, '[data-answerdeck="composer"]');
  await page.waitForSelector('[data-answerdeck="picker"]');
  await page.keyboard.type('w');
  await page.waitForFunction(() => performance.getEntriesByName('answerdeck:keystroke').length > 0, null, { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await clear();
  for (let round = 0; round < ROUNDS; round++) {
    await clickClosedHost(page, '[data-answerdeck="composer"]');
    await page.waitForSelector('[data-answerdeck="picker"]');
    const query = QUERIES[round % QUERIES.length];
    for (const ch of query) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(60);
    }
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached' });
  }
  const opens = await measures('answerdeck:picker-open');
  const keys = await measures('answerdeck:keystroke');
  if (!opens.length || !keys.length) throw new Error(`no measures from the extension (opens ${opens.length}, keystrokes ${keys.length}): is dist/ an up-to-date build?`);
  console.log(`picker with ${REPLIES} replies, Chromium ${browser.context.browser()?.version() ?? ''}`);
  line('picker open (click → list shown)', opens, 16);
  line('keystroke (key → results shown)', keys, 16);
  const builds = await browser.serviceWorker.evaluate(() => performance.getEntriesByName('answerdeck:index-build').map((e) => e.duration));
  if (builds.length) console.log(`background index build (${REPLIES} replies, once per library change): ${builds.map((b) => b.toFixed(0)).join(', ')} ms`);
} finally {
  await browser.close();
}
