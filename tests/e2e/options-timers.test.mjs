// End-to-end: the options page's Response timer section — thresholds and opening hours saved through the
// background and kept across a reload, refusals shown next to the section with nothing typed lost, and the
// Away switch (on, off, and Meta's 12 h a day limit).
// Build first: scripts/build.sh. Run: node --test --test-concurrency=1 tests/e2e/options-timers.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, trackPageErrors } from './harness.mjs';
import { EXTENSION_DIR } from './extension.mjs';
import { send, until, waitText } from './options-page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let browser;
let page;
let errors;
let optionsUrl;

before(async () => {
  browser = await launch({ extensionDir: process.env.ANSWERDECK_EXTENSION_DIR ? EXTENSION_DIR : join(root, 'dist/chrome') });
  optionsUrl = `chrome-extension://${browser.extensionId}/options.html`;
  page = await browser.context.newPage();
  errors = trackPageErrors(page);
  await open();
});

after(async () => {
  await browser?.close();
});

async function open() {
  await page.goto(optionsUrl);
  await until('timer settings loaded', async () => (await page.locator('#timer-warn').inputValue()) !== '');
}

const result = () => page.locator('#timer-result');
const entry = (i) => page.locator(`fieldset.hours-entry[data-entry="${i}"]`);
const stored = async () => (await send(page, { op: 'timers.settings.get' })).timer_settings;

test('defaults: warn at 5 min, late at 15, the timer always runs, a link to the statistics', async () => {
  assert.equal(await page.getByLabel('Warn after (minutes)').inputValue(), '5');
  assert.equal(await page.getByLabel('Late after (minutes)').inputValue(), '15');
  assert.equal(await entry(0).getByLabel(/Count only opening hours/).isChecked(), false);
  // A new entry starts in the browser's zone (UTC in the harness) with office hours.
  assert.equal(await entry(0).getByLabel('Time zone').inputValue(), 'UTC');
  assert.equal(await entry(0).getByLabel('Monday').inputValue(), '09:00–17:00');
  assert.equal(await entry(0).getByLabel('Sunday').inputValue(), '');
  assert.equal(await page.getByRole('link', { name: 'Statistics' }).getAttribute('href'), 'statistics.html');
});

test('thresholds, hours per Page and holidays are saved and kept after a reload', async () => {
  await page.getByLabel('Warn after (minutes)').fill('3');
  await page.getByLabel('Late after (minutes)').fill('10');
  await entry(0).getByLabel(/Count only opening hours/).check();
  await entry(0).getByLabel('Time zone').fill('Europe/Berlin');
  await entry(0).getByLabel('Monday').fill('09:00–12:00, 13:00–17:00');
  await entry(0).getByLabel('Holidays (closed all day)').fill('2026-12-25, 2026-12-24');
  await page.getByRole('button', { name: 'Add hours for a Page or account' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'hours-1-page');
  await page.keyboard.type('Nordlicht');
  await entry(1).getByLabel('Time zone').fill('UTC');
  await entry(1).getByLabel('Sunday').fill('10-14');
  await page.getByRole('button', { name: 'Save response timer' }).click();
  await waitText(result(), 'Response timer saved.');
  const office = [[540, 1020]];
  assert.deepEqual(await stored(), {
    warn_minutes: 3,
    late_minutes: 10,
    hours: [
      { page: '', schedule: { time_zone: 'Europe/Berlin', week: [[[540, 720], [780, 1020]], office, office, office, office, [], []], holidays: [[2026, 12, 24], [2026, 12, 25]], away: [] } },
      { page: 'Nordlicht', schedule: { time_zone: 'UTC', week: [office, office, office, office, office, [], [[600, 840]]], holidays: [], away: [] } },
    ],
  });
  await open();
  assert.equal(await page.getByLabel('Warn after (minutes)').inputValue(), '3');
  assert.equal(await page.getByLabel('Late after (minutes)').inputValue(), '10');
  assert.equal(await entry(0).getByLabel(/Count only opening hours/).isChecked(), true);
  assert.equal(await entry(0).getByLabel('Monday').inputValue(), '09:00–12:00, 13:00–17:00');
  assert.equal(await entry(0).getByLabel('Holidays (closed all day)').inputValue(), '2026-12-24, 2026-12-25');
  assert.equal(await entry(1).getByLabel('Page or account name').inputValue(), 'Nordlicht');
  assert.equal(await entry(1).getByLabel('Sunday').inputValue(), '10:00–14:00');
});

test('a refused save shows why next to the section and keeps what was typed', async () => {
  await page.getByLabel('Warn after (minutes)').fill('20');
  await page.getByLabel('Late after (minutes)').press('Enter');
  await waitText(result(), 'Not saved: “Warn” (20 min) must come before “late” (10 min).');
  assert.equal(await page.getByLabel('Warn after (minutes)').inputValue(), '20');
  assert.equal((await stored()).warn_minutes, 3);

  await page.getByLabel('Warn after (minutes)').fill('4');
  await entry(0).getByLabel('Tuesday').fill('09:00–25:00');
  await page.getByRole('button', { name: 'Save response timer' }).click();
  await waitText(result(), 'Not saved: Opening hours for all Pages and accounts, Tuesday: “09:00–25:00” has a time that is not between 00:00 and 24:00.');

  await entry(0).getByLabel('Tuesday').fill('09:00–17:00');
  await entry(1).getByLabel('Time zone').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save response timer' }).click();
  await waitText(result(), 'Not saved: Opening hours for “Nordlicht”: unknown time zone "Mars/Olympus".');
  assert.equal(await entry(1).getByLabel('Time zone').inputValue(), 'Mars/Olympus');
  assert.equal((await stored()).hours[1].schedule.time_zone, 'UTC');
  await open();
});

test('Away switches on and off and says until when', async () => {
  const away = entry(1).getByRole('switch', { name: 'Away' });
  assert.equal(await away.getAttribute('aria-checked'), 'false');
  await away.focus();
  await page.keyboard.press('Enter');
  await until('away on', async () => (await away.getAttribute('aria-checked')) === 'true');
  assert.match(await entry(1).locator('.away-text').textContent(), /^Away until \d\d:\d\d: the timers are paused\.$/);
  const now = Date.now();
  const period = (await stored()).hours.find((h) => h.page === 'Nordlicht').schedule.away.find(([from, to]) => from <= now && now < to);
  assert.ok(period, 'a running away period is stored');
  await page.keyboard.press('Space');
  await until('away off', async () => (await away.getAttribute('aria-checked')) === 'false');
  assert.match(await entry(1).locator('.away-text').textContent(), /^Not away/);
  assert.deepEqual(errors, []);
});

test('Away is refused at Meta’s 12 h a day, with the reason shown', async () => {
  // A zone where it is just after midnight now, and 12 h of away booked later today: any more is refused.
  const hour = new Date().getUTCHours();
  const offset = hour <= 12 ? -hour : 24 - hour;
  const zone = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const start = Date.now() + 60_000;
  const settings = await stored();
  settings.hours[0].schedule.time_zone = zone;
  settings.hours[0].schedule.away = [[start, start + 12 * 3_600_000]];
  const put = await send(page, { op: 'timers.settings.put', settings });
  assert.ok(put.ok, JSON.stringify(put));
  await open();
  await entry(0).getByRole('switch', { name: 'Away' }).click();
  await waitText(entry(0).locator('.away-text'), 'Away status is already used for 12 hours today, the most Meta allows.');
  assert.equal(await entry(0).getByRole('switch', { name: 'Away' }).getAttribute('aria-checked'), 'false');
});
