// Durability (issue 6): three pages write replies, labels and notes at once while the service worker — the only
// writer — is stopped again and again in the middle of the burst. Every write the background acknowledged (`ok:
// true`) must be in the store afterwards; writes that failed were reported to the user as failed (the message
// never got an answer) and may be missing. The figures (acknowledged, failed, lost) are printed; lost must be 0.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './extension.mjs';
import { ask } from './labels-helpers.mjs';

const SENDERS = 3;
const EACH = 40;

describe('writes while the service worker is stopped mid-burst', () => {
  let browser;
  const senders = [];
  before(async () => {
    browser = await startBrowser({ csp: 'facebook' });
    for (let i = 0; i < SENDERS; i++) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      senders.push(page);
    }
  });
  after(async () => { await browser?.close(); });

  test('nothing acknowledged is lost', async (t) => {
    const label = await ask(browser, { op: 'label.put', label: { name: 'Durable', color: '#1a73e8' } });
    assert.ok(label.ok, JSON.stringify(label));
    const labelId = label.labels[0].id;
    const cdp = await browser.context.newCDPSession(senders[0]);
    await cdp.send('ServiceWorker.enable');
    let stopping = true;
    let stops = 0;
    const stopper = (async () => {
      while (stopping) {
        await new Promise((r) => setTimeout(r, 120));
        if (!stopping) break;
        await cdp.send('ServiceWorker.stopAllWorkers').catch(() => {});
        stops++;
      }
    })();
    // Each sender writes one at a time (as a person clicking does), all senders at once.
    const results = await Promise.all(senders.map((page, s) => page.evaluate(async ({ s, EACH, labelId }) => {
      const out = [];
      for (let i = 0; i < EACH; i++) {
        const kind = ['note', 'reply', 'label'][i % 3];
        const message = kind === 'note'
          ? { op: 'note.add', subject: `fb:thread:dur-${s}-${i}`, text: `durable note ${s}-${i}` }
          : kind === 'reply'
            ? { op: 'reply.put', reply: { id: `dur-${s}-${i}`, title: `Durable ${s}-${i}`, body: `Body ${s}-${i}`, language: 'en' } }
            : { op: 'subject.label', key: `fb:thread:dur-${s}-${i}`, label: labelId, on: true };
        try {
          const answer = await chrome.runtime.sendMessage(message);
          out.push({ kind, s, i, ok: !!answer?.ok, answer: answer?.ok ? null : answer });
        } catch (error) {
          out.push({ kind, s, i, ok: false, error: String(error) });
        }
      }
      return out;
    }, { s, EACH, labelId })));
    stopping = false;
    await stopper;
    const all = results.flat();
    const acknowledged = all.filter((r) => r.ok);
    // Read everything back (this request starts the worker again if it is stopped).
    const notes = (await ask(browser, { op: 'notes.search', query: 'durable note', limit: 1000 })).notes.map((n) => n.text);
    const replies = (await ask(browser, { op: 'library.list' })).replies.map((r) => r.data.id);
    const subjects = (await ask(browser, { op: 'labels.list' })).subjects.filter((x) => x.labels.includes(labelId)).map((x) => x.key);
    const lost = acknowledged.filter(({ kind, s, i }) => (kind === 'note' ? !notes.includes(`durable note ${s}-${i}`)
      : kind === 'reply' ? !replies.includes(`dur-${s}-${i}`) : !subjects.includes(`fb:thread:dur-${s}-${i}`)));
    t.diagnostic(`worker stopped ${stops} times; ${all.length} writes: ${acknowledged.length} acknowledged, ${all.length - acknowledged.length} failed (reported), ${lost.length} acknowledged but lost`);
    assert.ok(stops >= 3, `the worker was stopped during the burst (${stops} times)`);
    assert.ok(acknowledged.length > 0, 'some writes went through');
    assert.deepEqual(lost, [], 'every acknowledged write is stored');
    // A failed write is not half-done either: a note or reply exists at most once.
    assert.equal(new Set(notes).size, notes.length, 'no note stored twice');
  });
});
