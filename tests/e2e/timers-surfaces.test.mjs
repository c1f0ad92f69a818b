// Response timers beyond Messenger: X replies under the brand's post (exact `time[datetime]`, one timer per customer
// reply, answered when the account replied in that reply's thread), X Chat and legacy X DMs (rows and the open
// conversation), Facebook comments under a Page post (one timer per customer comment, answered when the Page replied in
// its thread), the Business Suite inbox and messenger.com (no header: the timer sits beside the composer). Answered
// comments and replies keep a timer in state `answered` (like rows), so a manager sees at a glance which ones are done.
// Fixture times are relative to serving time where the test compares them (`{{AGO …}}`, harness.mjs fillTimes).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { submissions } from './harness.mjs';
import { startBrowser, open } from './extension.mjs';
import { timers, timerOf, timerWhere, localClock, eventually } from './timer-helpers.mjs';

const MIN = 60_000;
const HOUR = 60 * MIN;
const STATUS_TIMERS = 'https://x.com/nordlichtkaffee/status/1859842261514377777';
const X_CHAT = 'https://x.com/i/chat/1589427603-1859001122334455667';
const LEGACY = 'https://x.com/messages/1589427603-1859001122334455667';
const JONAS_DM = 'x:dm:1589427603-1859001122334455667';
const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const BUSINESS = 'https://business.facebook.com/latest/inbox/all/?asset_id=100064123456789&selected_item_id=100012345678901';
const MESSENGER_COM = 'https://www.messenger.com/t/100071234567890';

/** Each post on a status page: handle, `x:status:<id>` and its served `datetime`. */
const posts = (page) => page.evaluate(() => [...document.querySelectorAll('article[data-testid="tweet"]')].map((a) => {
  const time = a.querySelector('time[datetime]');
  const href = time?.closest('a')?.getAttribute('href') ?? '';
  const handle = [...a.querySelectorAll('[data-testid="User-Name"] a')].map((l) => l.textContent.trim()).find((t) => t.startsWith('@'));
  return { handle, key: `x:status:${/status\/(\d+)/.exec(href)?.[1]}`, datetime: time?.getAttribute('datetime') };
}));

for (const csp of ['x', 'x-strict']) {
  describe(`response timers on X, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('a timer on each customer reply from its exact time; the brand\'s answer stops one; a reply turns warn at 5 min', async () => {
      const { page, errors } = await open(browser, STATUS_TIMERS);
      const all = await posts(page);
      const customers = all.filter((p) => p.handle !== '@nordlichtkaffee');
      assert.equal(customers.length, 6);
      await eventually(async () => (await timers(page)).filter((t) => t.state).length >= customers.length, 'a timer with a state on every customer reply');
      const shown = await timers(page);
      assert.equal(shown.length, customers.length, 'none on the brand\'s own posts');
      const by = (handle) => all.find((p) => p.handle === handle);
      const jonas = await timerOf(page, by('@jonasbecker').key);
      assert.equal(jonas.state, 'answered', 'the brand answered right under him');
      assert.equal(jonas.since, null);
      for (const handle of ['@mette_kjaer', '@kofimensah', '@samcarter_', '@priyanair']) {
        const t = await timerOf(page, by(handle).key);
        assert.equal(t.since, by(handle).datetime, `${handle} counts from the served datetime exactly`);
      }
      assert.equal((await timerOf(page, by('@mette_kjaer').key)).state, 'late');
      assert.equal((await timerOf(page, by('@samcarter_').key)).state, 'warn');
      assert.equal((await timerOf(page, by('@priyanair').key)).state, 'ok');
      // Lena wrote 4 min 55 s before serving: ok now, warn once 5 minutes have passed.
      const lena = by('@lena_schmidt');
      const early = await timerOf(page, lena.key);
      assert.equal(early.since, lena.datetime);
      assert.equal(early.state, 'ok');
      await timerWhere(page, lena.key, (t) => t.state === 'warn', 'warn at 5 minutes');
      assert.ok(Date.now() - Date.parse(lena.datetime) >= 5 * MIN - 1000);
      assert.deepEqual(await submissions(page), [], 'nothing posted');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('X Chat: rows from their relative time, the open conversation from its separator and bubble clocks', async () => {
      const before = Date.now();
      const { page, errors } = await open(browser, X_CHAT);
      await eventually(async () => (await timers(page)).filter((t) => t.state).length >= 10, 'timers on the rows and the conversation');
      const after = Date.now();
      // Jonas's last message: the bubble's hidden clock (7 minutes before serving).
      const clock = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="message-text-"] [aria-hidden="true"]')].at(-1).textContent.trim());
      const conversation = await eventually(async () => (await timers(page)).find((t) => t.subject === JONAS_DM && !t.inList && t.state), 'the open conversation\'s timer');
      assert.equal(conversation.since, new Date(localClock(clock, before)).toISOString(), `counted from ${clock}`);
      assert.equal(conversation.state, 'warn', `7 minutes: ${conversation.text}`);
      const rows = (await timers(page)).filter((t) => t.inList);
      assert.ok(rows.length >= 10, `a timer per rendered row (${rows.length})`);
      const tom = rows.find((t) => t.subject === 'x:dm:1589427603-1859001122338455679');
      assert.equal(tom.state, 'answered', 'Tom: "You: Sent a photo"');
      const maria = rows.find((t) => t.subject === 'x:dm:1589427603-1861234567890123456');
      assert.ok(maria.sinceMs >= before - 3 * MIN - 1000 && maria.sinceMs <= after - 2 * MIN + 1000, `Maria "2m": ${maria.since}`);
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('legacy DMs: rows by time[datetime], the open conversation by its footer times', async () => {
      const before = Date.now();
      const { page, errors } = await open(browser, LEGACY);
      await eventually(async () => (await timers(page)).filter((t) => t.state).length >= 4, 'three rows and the conversation');
      const footer = await page.evaluate(() => [...document.querySelectorAll('[data-testid="messageEntry"] .r-dm-time')].at(-1).textContent.trim());
      const all = await timers(page);
      const open_ = all.filter((t) => t.subject === JONAS_DM);
      assert.ok(open_.length >= 2, 'the row and the open conversation');
      for (const t of open_) assert.equal(t.since, new Date(localClock(footer, before)).toISOString(), `Jonas from ${footer}`);
      assert.equal(open_[0].state, 'warn');
      const hannah = all.find((t) => t.subject === 'x:dm:1589427603-1863456789012345678');
      assert.equal(hannah.since, '2024-11-22T08:30:00.000Z', 'exact from the row\'s datetime');
      assert.equal(hannah.state, 'late');
      assert.equal(all.find((t) => t.subject === 'x:dm:1589427603-1864567890123456789').state, 'answered', 'Timo: "You: …"');
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

for (const csp of ['facebook', 'strict']) {
  describe(`response timers on Facebook comments and inboxes, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('one timer per customer comment; the Page\'s reply answers its thread', async () => {
      const before = Date.now();
      const { page, errors } = await open(browser, POST_EN);
      await eventually(async () => (await timers(page)).filter((t) => t.state).length >= 7, 'a timer with a state on every customer comment');
      const after = Date.now();
      const all = await timers(page);
      assert.equal(all.filter((t) => t.subject === 'fb:comment:558812349876543').length, 0, 'none on the Page\'s own reply');
      const jonas = await timerOf(page, 'fb:comment:1093847561234567');
      assert.equal(jonas.state, 'answered', 'the Page replied in his thread');
      const followUp = await timerOf(page, 'fb:comment:1205563389912345');
      assert.ok(followUp.sinceMs >= before - 53 * MIN - 1000 && followUp.sinceMs <= after - 52 * MIN + 1000, `"52m": ${followUp.since}`);
      assert.equal(followUp.state, 'late', 'his follow-up after the Page\'s answer waits');
      const maria = await timerOf(page, 'fb:comment:871234560987654');
      assert.ok(maria.sinceMs >= before - 4 * HOUR - 1000 && maria.sinceMs <= after - 3 * HOUR + 1000, `"3h": ${maria.since}`);
      assert.deepEqual(await submissions(page), [], 'nothing posted');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('Business Suite inbox: rows and the open thread, which the Page answered', async () => {
      const { page, errors } = await open(browser, BUSINESS);
      await eventually(async () => (await timers(page)).filter((t) => t.state).length >= 4, 'timers on the rows and the thread');
      const thread = await timerWhere(page, 'fb:inbox:100012345678901', (t) => t.inMain && t.state === 'answered', 'the Page spoke last ("Sent by Lena Hoffmann")', { inMain: true });
      assert.equal(thread.since, null);
      const all = await timers(page);
      assert.ok(all.filter((t) => t.subject?.startsWith('fb:inbox:')).length >= 4, 'a timer per row and the open thread');
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('messenger.com without a header: the open conversation\'s timer beside the composer', async () => {
      const { page, errors } = await open(browser, MESSENGER_COM);
      const t = await timerWhere(page, 'fb:thread:100071234567890', (x) => x.inMain && x.state, 'a timer in the open conversation', { inMain: true });
      assert.ok(['ok', 'warn', 'late', 'answered'].includes(t.state), t.state);
      assert.ok(await page.evaluate(() => !!document.querySelector('[role="main"] [data-answerdeck="timer"]')));
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
