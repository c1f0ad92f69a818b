// End-to-end: the statistics page over a known event log. The log is seeded through the background's own
// `timers.observe` (what content scripts send), with exact ISO times and a fixed "now"; the page's clock is
// fixed to the same instant, so every figure below is worked out by hand in the comments.
// Build first: scripts/build.sh. Run: node --test --test-concurrency=1 tests/e2e/stats.test.mjs
//
// The log (NOW = 2026-01-20T12:00:00Z, no opening hours: the clock always runs; days in UTC):
//   Page "Nordlicht" (facebook)
//     fb:thread:101 Anna   customer 01-19 09:00, answered 09:04 by Mia   →  4 min   label VIP
//     fb:thread:102 Ben    customer 01-19 10:00, answered 10:10 by Sam   → 10 min
//     fb:comment:201 Carla customer 01-18 08:00, answered 08:02 by Mia   →  2 min
//     fb:thread:104 Gus    customer 01-01 09:00, answered 09:20 by Sam   → 20 min   (not in the last 7 days)
//     fb:thread:103 Dora   customer 01-20 10:00, open                    → pending (younger than 24 h)
//     fb:comment:202 Emil  customer 01-15 12:00, open                    → overdue
//     fb:thread:666 Spam   customer 01-19 12:00, answered 13:00          → labelled Spam: left out
//   Account "@nordlicht" (x)
//     x:dm:1-2 Finn        customer 01-19 11:00, answered 11:30, no agent → 30 min

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, trackPageErrors } from './harness.mjs';
import { EXTENSION_DIR } from './extension.mjs';
import { download, send, waitText } from './options-page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NOW = Date.parse('2026-01-20T12:00:00Z');
const MIN = 60_000;

let browser;
let page;
let errors;

const WAITS = [
  { key: 'fb:thread:101', name: 'Anna', at: '2026-01-19T09:00:00Z', answer: '2026-01-19T09:04:00Z', agent: 'Mia' },
  { key: 'fb:thread:102', name: 'Ben', at: '2026-01-19T10:00:00Z', answer: '2026-01-19T10:10:00Z', agent: 'Sam' },
  { key: 'fb:comment:201', name: 'Carla', at: '2026-01-18T08:00:00Z', answer: '2026-01-18T08:02:00Z', agent: 'Mia' },
  { key: 'fb:thread:104', name: 'Gus', at: '2026-01-01T09:00:00Z', answer: '2026-01-01T09:20:00Z', agent: 'Sam' },
  { key: 'fb:thread:103', name: 'Dora', at: '2026-01-20T10:00:00Z' },
  { key: 'fb:comment:202', name: 'Emil', at: '2026-01-15T12:00:00Z' },
  { key: 'fb:thread:666', name: 'Spammer', at: '2026-01-19T12:00:00Z', answer: '2026-01-19T13:00:00Z', agent: 'Mia' },
  { key: 'x:dm:1-2', name: 'Finn', at: '2026-01-19T11:00:00Z', answer: '2026-01-19T11:30:00Z', x: true },
];

function observation(w, waiting) {
  return {
    key: w.key,
    platform: w.x ? 'x' : 'facebook',
    page: w.x ? '@nordlicht' : 'Nordlicht',
    name: w.name,
    waiting,
    full: true,
    times: waiting ? [{ id: `${w.key}-m1`, at: w.at }] : [],
    answer: waiting ? null : { id: `${w.key}-a1`, at: w.answer },
    agent: waiting ? null : (w.agent ?? null),
  };
}

async function observe(items) {
  const answer = await send(page, { op: 'timers.observe', now_ms: NOW, utc_offset_minutes: 0, items });
  assert.ok(answer?.ok, JSON.stringify(answer));
}

async function label(name, keys) {
  const made = await send(page, { op: 'label.put', label: { name, color: '#12858a' } });
  assert.ok(made.ok, JSON.stringify(made));
  const id = made.labels.find((l) => l.name === name).id;
  for (const key of keys) assert.ok((await send(page, { op: 'subject.label', key, label: id, on: true })).ok);
}

before(async () => {
  browser = await launch({ extensionDir: process.env.ANSWERDECK_EXTENSION_DIR ? EXTENSION_DIR : join(root, 'dist/chrome') });
  page = await browser.context.newPage();
  errors = trackPageErrors(page);
  await page.clock.setFixedTime(NOW);
  await page.goto(`chrome-extension://${browser.extensionId}/statistics.html`);
});

after(async () => {
  await browser?.close();
});

const figure = (name) => page.locator(`[data-figure="${name}"]`);
const rows = () =>
  page.locator('#groups tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));

test('with nothing logged, the page says how the numbers get there', async () => {
  await waitText(page.locator('#empty'), 'No statistics yet');
  assert.match(await page.locator('#empty').textContent(), /from the moment you see their message or comment/);
  assert.equal(await page.locator('#overview').isVisible(), false);
  assert.match(await page.locator('#windows').textContent(), /No Facebook conversation or comment is waiting/);
});

test('a seeded log shows the exact figures for the last 30 days, spam left out', async () => {
  await observe(WAITS.map((w) => observation(w, true)));
  await observe(WAITS.filter((w) => w.answer).map((w) => observation(w, false)));
  await label('VIP', ['fb:thread:101']);
  await label('Spam', ['fb:thread:666']);
  // Answered in 30 days: 2, 4, 10, 20, 30 min (spam's 60 min left out). Median 10 min; average 66/5 = 13.2 min;
  // 90th percentile: the ⌈4.5⌉ = 5th = 30 min. Rate: 5 answered ÷ (5 + 1 overdue) = 83.3 %.
  await waitText(figure('rate'), '83.3 %', { timeout: 10_000 });
  assert.equal(await figure('median').textContent(), '10 min');
  assert.equal(await figure('average').textContent(), '13 min 12 s');
  assert.equal(await figure('p90').textContent(), '30 min');
  assert.equal(await figure('answered').textContent(), '5');
  assert.equal(await figure('unanswered').textContent(), '2');
  assert.deepEqual(errors, []);
});

test('grouped by Page, platform, label, agent and day', async () => {
  // By Page (default). Nordlicht: 2, 4, 10, 20 min → median 7, average 9, p90 (4th) 20; 4 ÷ (4 + 1) = 80 %.
  assert.deepEqual(await rows(), [
    ['@nordlicht', '1', '0', '100.0 %', '30 min', '30 min', '30 min'],
    ['Nordlicht', '4', '2', '80.0 %', '7 min', '9 min', '20 min'],
  ]);
  await page.getByLabel('Group by').selectOption('platform');
  assert.deepEqual(await rows(), [
    ['facebook', '4', '2', '80.0 %', '7 min', '9 min', '20 min'],
    ['x', '1', '0', '100.0 %', '30 min', '30 min', '30 min'],
  ]);
  await page.getByLabel('Group by').selectOption('label');
  // (no label): 2, 10, 20, 30 → median 15, average 15 min 30 s, p90 30. VIP: Anna's 4 min. Spam has no row.
  assert.deepEqual(await rows(), [
    ['(no label)', '4', '2', '80.0 %', '15 min', '15 min 30 s', '30 min'],
    ['VIP', '1', '0', '100.0 %', '4 min', '4 min', '4 min'],
  ]);
  await page.getByLabel('Group by').selectOption('agent');
  assert.deepEqual(await rows(), [
    ['(unanswered)', '0', '2', '0.0 %', '—', '—', '—'],
    ['(unknown)', '1', '0', '100.0 %', '30 min', '30 min', '30 min'],
    ['Mia', '2', '0', '100.0 %', '3 min', '3 min', '4 min'],
    ['Sam', '2', '0', '100.0 %', '15 min', '15 min', '20 min'],
  ]);
  await page.getByLabel('Group by').selectOption('day');
  assert.deepEqual(await rows(), [
    ['2026-01-01', '1', '0', '100.0 %', '20 min', '20 min', '20 min'],
    ['2026-01-15', '0', '1', '0.0 %', '—', '—', '—'],
    ['2026-01-18', '1', '0', '100.0 %', '2 min', '2 min', '2 min'],
    ['2026-01-19', '3', '0', '100.0 %', '10 min', '14 min 40 s', '30 min'],
    ['2026-01-20', '0', '1', '—', '—', '—', '—'],
  ]);
  await page.getByLabel('Group by').selectOption('page');
});

test('the last 7 days leave the older wait out', async () => {
  await page.getByLabel('Period', { exact: true }).selectOption('7');
  // 2, 4, 10, 30 min: median 7, average 11.5, p90 (4th) 30; 4 ÷ (4 + 1) = 80 %.
  await waitText(figure('rate'), '80.0 %');
  assert.equal(await figure('median').textContent(), '7 min');
  assert.equal(await figure('average').textContent(), '11 min 30 s');
  assert.equal(await figure('p90').textContent(), '30 min');
  await page.getByLabel('Period', { exact: true }).selectOption('30');
  await waitText(figure('rate'), '83.3 %');
});

test('charts per day are readable without colour', async () => {
  const median = page.locator('svg#chart-median');
  assert.equal(await median.getAttribute('role'), 'img');
  assert.equal(await median.getAttribute('aria-label'), 'Median first-response time per day, last 30 days');
  assert.equal(await median.locator('> title').textContent(), 'Median first-response time per day, last 30 days');
  const values = await median.locator('g.bar text.value').allTextContents();
  assert.deepEqual(values, ['20 min', 'no answer', '2 min', '10 min', 'no answer']);
  assert.deepEqual(await median.locator('g.bar text.day').allTextContents(), ['01-01', '01-15', '01-18', '01-19', '01-20']);
  assert.deepEqual(await median.locator('text.axis-label').allTextContents(), ['20 min', '0']);
  assert.equal(await median.locator('g.bar[data-day="2026-01-19"] > title').textContent(), '2026-01-19: 10 min');
  // Bars are filled with a pattern and outlined, not a flat colour.
  assert.match(await median.locator('g.bar rect').first().getAttribute('fill'), /^url\(#hatch-median\)$/);
  const rate = page.locator('svg#chart-rate');
  assert.deepEqual(await rate.locator('g.bar text.value').allTextContents(), ['100.0 %', '0.0 %', '100.0 %', '100.0 %', 'pending']);
  assert.match(await rate.locator('g.bar rect').first().getAttribute('fill'), /^url\(#dots-rate\)$/);
});

test('Export CSV downloads the table shown', async () => {
  const file = await download(page, 'Export CSV');
  assert.equal(file.name, 'answerdeck-statistics-page-30-days.csv');
  // "@nordlicht" would run as a formula in a spreadsheet: it gets a leading '.
  assert.equal(
    file.text,
    'page,answered,unanswered,overdue,response_rate_percent,median_s,mean_s,p90_s\r\n' +
      "'@nordlicht,1,0,0,100.0,1800,1800,1800\r\n" +
      'Nordlicht,4,2,1,80.0,420,540,1200\r\n',
  );
});

test("Meta's figures are an estimate, with the badge and a forecast", async () => {
  const card = page.locator('#meta article[data-page="Nordlicht"]');
  await waitText(page.locator('#meta h2'), 'Meta responsiveness — estimate');
  assert.match(await page.locator('#meta .estimate-note').textContent(), /^An estimate, not Meta's own figures/);
  // Nordlicht's conversations: 4 answered (2, 4, 10, 20 min), Emil missed, Dora pending; spam left out.
  // Rate 4 ÷ 5 = 80 %; time: mean of the fastest ⌈0.9·4⌉ = 4 → 9 min. (4 + n) ÷ (5 + n) ≥ 90 % → n = 5.
  assert.equal(await card.locator('[data-meta="rate"]').textContent(), '80.0 %');
  assert.equal(await card.locator('[data-meta="time"]').textContent(), '9 min');
  assert.equal(await card.locator('[data-meta="badge"]').textContent(), 'Would not be shown');
  assert.equal(await card.locator('[data-meta="counted"]').textContent(), '4 answered, 1 missed, 1 waiting less than 24 h');
  assert.equal(await card.locator('.forecast').textContent(), 'Answer the next 5 within 15 min to reach 90 %.');
  // X accounts have no Meta figures.
  assert.equal(await page.locator('#meta article').count(), 1);
});

test('reply windows count down, soonest first, and follow the clock', async () => {
  const items = () =>
    page.locator('#windows li.countdown').evaluateAll((lis) =>
      lis.map((li) => [li.dataset.key, li.querySelector('.who').textContent, li.querySelector('.window').textContent, li.querySelector('.left').textContent]));
  // Dora wrote 01-20 10:00: 22 h of Messenger's 24 left. Emil commented 01-15 12:00: 7 days end 01-22 12:00.
  assert.deepEqual(await items(), [
    ['fb:thread:103', 'Dora (Nordlicht)', 'Messenger 24-hour window', '22 h 00 min left'],
    ['fb:comment:202', 'Emil (Nordlicht)', '7-day private-reply window', '2 d 0 h left'],
  ]);
  // 61 minutes later the page shows it without a reload (it recounts every 30 s).
  await page.clock.setFixedTime(NOW + 61 * MIN);
  await waitText(page.locator('#windows li.countdown').first().locator('.left'), '20 h 59 min left', { timeout: 40_000 });
  await page.clock.setFixedTime(NOW);
});

test('a new answer from any tab shows without a reload', async () => {
  await observe([observation({ key: 'fb:thread:103', name: 'Dora', answer: '2026-01-20T11:00:00Z', agent: 'Mia' }, false)]);
  // Dora answered after 60 min: 2, 4, 10, 20, 30, 60 → median 15 min; 6 ÷ (6 + 1) = 85.7 %.
  await waitText(figure('rate'), '85.7 %', { timeout: 10_000 });
  assert.equal(await figure('median').textContent(), '15 min');
  assert.equal(await page.locator('#windows li.countdown').count(), 1);
  assert.deepEqual(errors, []);
});
