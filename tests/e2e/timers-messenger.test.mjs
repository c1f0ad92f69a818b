// Response timers on Messenger (facebook.com): a timer on every chat-list row and in the open conversation, counted
// from the customer's oldest unanswered message as the page dates it (the day separator above it in the thread,
// the relative time of a row's preview), coloured by the thresholds, paused outside opening hours, stopped by an
// answer and restarted by the next message — on both cores (the site's CSP: wasm; a CSP forbidding wasm: wasm2js).
// The fixture's times are written relative to when it is served (`{{AGO …}}`, harness.mjs), since the extension
// reads the real clock.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { submissions } from './harness.mjs';
import { startBrowser, open } from './extension.mjs';
import { timers, timerOf, timerWhere, localClock, setTimerSettings, ask, eventually } from './timer-helpers.mjs';

const MESSENGER = 'https://www.facebook.com/messages/t/100012345678901/';
const JONAS = 'fb:thread:100012345678901';
const MARIA = 'fb:thread:100023456789012';
const PRIYA = 'fb:thread:100034567890123';
const KAFFEKLUBBEN = 'fb:thread:6543219876543210';
const ANNA = 'fb:e2ee:7092513584176445';
const LUKAS = 'fb:thread:100045678901234';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The day separators of the open thread, as shown. */
const separators = (page) => page.evaluate(() => [...document.querySelectorAll('[role="main"] [role="grid"] [role="row"]')]
  .filter((row) => !row.querySelector('[role="gridcell"]')).map((row) => row.textContent.trim()).filter((t) => /\d/.test(t)));

async function ready(page) {
  await eventually(async () => (await timers(page)).filter((t) => t.state).length >= 7, 'a timer with a state on the 6 rows and the header');
}

for (const csp of ['facebook', 'strict']) {
  describe(`response timers on Messenger, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('each row and the open conversation count from the oldest unanswered message the page dates', async () => {
      const before = Date.now();
      const { page, errors } = await open(browser, MESSENGER);
      await ready(page);
      const after = Date.now();
      const all = await timers(page);
      assert.equal(all.filter((t) => t.inList).length, 6, 'one timer per row');
      // Jonas: the Page answered, then he wrote "Any news…" under the separator 7 minutes before the page was
      // served: the thread dates it to that minute, and the row (same conversation) shows the same start.
      const [, latest] = await separators(page);
      const expected = localClock(latest, before);
      const header = await timerOf(page, JONAS, { inMain: true });
      assert.equal(header.since, new Date(expected).toISOString(), `the header counts from ${latest}`);
      assert.equal(header.state, 'warn', '7–8 minutes is past the 5-minute warning');
      assert.match(header.text, /^⚠ [78] min$/);
      const row = await timerOf(page, JONAS, { inMain: false });
      assert.equal(row.since, header.since, 'the row shows the conversation\'s start');
      // Priya's row says "2h": between 2 and 3 hours ago, counted from the earliest end.
      const priya = await timerOf(page, PRIYA);
      assert.ok(priya.sinceMs >= before - 3 * HOUR - 1000 && priya.sinceMs <= after - 3 * HOUR + 1000, `Priya since ${priya.since}`);
      assert.equal(priya.state, 'late');
      assert.match(priya.text, /^‼ 3 h 0[01] min$/);
      for (const key of [KAFFEKLUBBEN, ANNA]) assert.equal((await timerOf(page, key)).state, 'late', key);
      // Maria and Lukas: the Page spoke last ("You: …", "You sent a photo.").
      for (const key of [MARIA, LUKAS]) {
        const t = await timerOf(page, key);
        assert.equal(t.state, 'answered', key);
        assert.equal(t.since, null, `${key} has no waiting-since`);
      }
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('the clock ticks every second, an answer stops it and the next message starts it again', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await page.locator('[role="navigation"] a[href="/messages/t/100023456789012/"]').click();
      await page.waitForURL('**/t/100023456789012/');
      await timerWhere(page, MARIA, (t) => t.state === 'answered', 'Maria\'s open conversation is answered', { inMain: true });
      const answeredSeen = Date.now();
      assert.ok(await page.evaluate(() => window.fixtureMessage('Is the Saturday pickup still on?')));
      const written = Date.now();
      const waiting = await timerWhere(page, MARIA, (t) => t.state === 'ok', 'a new message starts the clock', { inMain: true });
      // The thread dates it by a separator of this minute; the extension knows more: the message was not on the
      // page when it last saw Maria answered, just before it arrived.
      assert.ok(waiting.sinceMs >= answeredSeen - 5_000 && waiting.sinceMs <= written, `counted from the message (${waiting.since}, written ${new Date(written).toISOString()})`);
      const first = Number(waiting.text.match(/(\d+) s$/)[1]);
      // The text changes on a once-a-second tick of its own phase: 3.3 s later it has counted at least 2 more.
      await new Promise((r) => setTimeout(r, 3_300));
      const later = await timerOf(page, MARIA, { inMain: true });
      const second = Number(later.text.match(/(\d+) s$/)[1]);
      assert.ok(second >= first + 2, `the text counts up each second (${first} s, then ${second} s)`);
      const events = (await ask(browser, { op: 'stats.data' })).events.filter((e) => e.key === MARIA);
      assert.ok(events.some((e) => e.kind === 'customer_message' && Math.abs(e.at_ms - waiting.sinceMs) < 1000), 'the message is logged');
      assert.ok(await page.evaluate(() => window.fixtureMessage('Yes, 9 to 14 as always!', true)));
      await timerWhere(page, MARIA, (t) => t.state === 'answered' && t.since === null, 'the Page\'s answer stops the clock', { inMain: true });
      const logged = (await ask(browser, { op: 'stats.data' })).events.filter((e) => e.key === MARIA);
      const answer = logged.find((e) => e.kind?.answer);
      assert.ok(answer && answer.at_ms >= waiting.sinceMs, `the answer is logged after the message: ${JSON.stringify(logged)}`);
      assert.deepEqual(await submissions(page), [], 'nothing sent by Answerdeck');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a wait one tab sees start shows in another tab whose page did not change', async () => {
      // Each tab reports only what changed on its own page; the other tabs hear of the change and read again.
      const one = await open(browser, MESSENGER);
      await one.page.locator('[role="navigation"] a[href="/messages/t/100023456789012/"]').click();
      await one.page.waitForURL('**/t/100023456789012/');
      const other = await open(browser, MESSENGER);
      await timerWhere(one.page, MARIA, (t) => t.state === 'answered', 'Maria answered in the first tab', { inMain: true });
      await ready(other.page);
      await timerWhere(other.page, MARIA, (t) => t.state === 'answered', 'Maria\'s row answered in the second tab');
      assert.ok(await one.page.evaluate(() => window.fixtureMessage('Do you ship to Austria?')));
      const started = await timerWhere(one.page, MARIA, (t) => t.state === 'ok', 'the first tab starts the clock', { inMain: true });
      const seen = await timerWhere(other.page, MARIA, (t) => t.state === 'ok', 'the second tab shows the wait too');
      assert.equal(seen.since, started.since, 'both count from the same moment');
      assert.ok(await one.page.evaluate(() => window.fixtureMessage('Yes, in 3 to 5 days.', true)));
      await timerWhere(other.page, MARIA, (t) => t.state === 'answered', 'and the answer stops it there');
      for (const tab of [one, other]) {
        assert.deepEqual(await submissions(tab.page), [], 'nothing sent');
        assert.deepEqual(tab.errors, []);
        await tab.page.close();
      }
    });

    test('thresholds and opening hours from the settings change every open timer', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await ready(page);
      await setTimerSettings(browser, { warn_minutes: 10, late_minutes: 20 });
      await timerWhere(page, JONAS, (t) => t.state === 'ok', '7 minutes is fine with a 10-minute warning', { inMain: true });
      await setTimerSettings(browser, { warn_minutes: 2, late_minutes: 6 });
      await timerWhere(page, JONAS, (t) => t.state === 'late', '7 minutes is late with a 6-minute limit', { inMain: true });
      // Closed every day: nothing counts, every waiting timer is paused; answered ones stay answered.
      const closed = { time_zone: 'UTC', week: [[], [], [], [], [], [], []], holidays: [], away: [] };
      await setTimerSettings(browser, { hours: [{ page: '', schedule: closed }] });
      await timerWhere(page, PRIYA, (t) => t.state === 'paused', 'outside opening hours the clock is paused');
      const all = await timers(page);
      for (const t of all) assert.ok(['paused', 'answered'].includes(t.state), `${t.subject}: ${t.state}`);
      assert.match((await timerOf(page, PRIYA)).text, /^⏸ 0 s$/, 'closed all the time: no waiting time counted');
      // Away switched on: paused as well, and off again: counting again.
      await setTimerSettings(browser, {});
      await timerWhere(page, PRIYA, (t) => t.state === 'late', 'open again');
      const away = await ask(browser, { op: 'timers.away', page: '', on: true });
      assert.ok(away.ok, JSON.stringify(away));
      await timerWhere(page, PRIYA, (t) => t.state === 'paused', 'away pauses the clock');
      assert.ok((await ask(browser, { op: 'timers.away', page: '', on: false })).ok);
      await timerWhere(page, PRIYA, (t) => t.state === 'late', 'back from away');
      await setTimerSettings(browser, {});
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a tab re-reading after another tab\'s change does not undo it', async () => {
      // What a tab sends when it refreshes (read_only): its possibly older view must not end a wait another
      // tab saw start, nor log anything.
      const key = `fb:thread:${csp}-9000`;
      const now = Date.now();
      const item = (waiting) => ({ key, platform: 'facebook', page: '', name: 'Test', waiting, full: true,
        times: waiting ? [{ id: 'm1', at: new Date(now - 3 * MIN).toISOString() }] : [], answer: null, agent: null });
      const first = await ask(browser, { op: 'timers.observe', now_ms: now, utc_offset_minutes: 0, items: [item(true)] });
      assert.equal(first.timers[0].since_ms, now - 3 * MIN);
      const reread = await ask(browser, { op: 'timers.observe', now_ms: now + 1000, utc_offset_minutes: 0, items: [item(false)], read_only: true });
      assert.equal(reread.timers[0].since_ms, now - 3 * MIN, 'still waiting');
      const logged = (await ask(browser, { op: 'stats.data' })).events.filter((e) => e.key === key);
      assert.deepEqual(logged.map((e) => e.kind), ['customer_message'], 'nothing logged by the re-read');
      const applied = await ask(browser, { op: 'timers.observe', now_ms: now + 2000, utc_offset_minutes: 0, items: [item(false)] });
      assert.equal(applied.timers[0].since_ms, null, 'a report (not a re-read) ends the wait');
    });

    test('a conversation labelled Spam is not waiting and leaves the statistics', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await ready(page);
      const made = await ask(browser, { op: 'label.put', label: { name: 'Spam', color: '#5f6368' } });
      assert.ok(made.ok, JSON.stringify(made));
      const id = made.labels[0].id;
      assert.ok((await ask(browser, { op: 'subject.label', key: PRIYA, label: id, on: true })).ok);
      const spam = await timerWhere(page, PRIYA, (t) => t.state === 'answered', 'a spam conversation waits for nobody');
      assert.equal(spam.since, null);
      assert.equal(spam.text, 'Spam');
      const data = await ask(browser, { op: 'stats.data' });
      assert.ok(data.events.some((e) => e.key === PRIYA && e.kind === 'spam'), 'the log marks it spam for the statistics');
      assert.ok((await ask(browser, { op: 'subject.label', key: PRIYA, label: id, on: false })).ok);
      await timerWhere(page, PRIYA, (t) => t.state === 'late', 'unlabelled, it waits again');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
