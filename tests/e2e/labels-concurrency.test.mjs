// Several pages editing labels and notes at the same time lose nothing: every request is fired at once from four
// pages (the panel frames of two Messenger tabs and two extension pages), then the store is compared with the sum
// of the edits. The background is the only writer; each edit is one IndexedDB transaction that reads what it
// changes, so edits to the same conversation or the same note from different tabs all take effect.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, open } from './extension.mjs';
import { clickInHost, panelFrame, ask, eventually, hosts } from './labels-helpers.mjs';

const PAGES = 4;
const EACH = 25;

describe('concurrent edits from several pages', () => {
  let browser;
  const senders = [];
  before(async () => {
    browser = await startBrowser({ csp: 'facebook' });
    for (const url of ['https://www.facebook.com/messages/t/100012345678901/', 'https://www.facebook.com/messages/t/6543219876543210/']) {
      const { page } = await open(browser, url);
      await page.bringToFront();
      await eventually(async () => (await hosts(page, 'notes')).length === 1, 'the notes control');
      await clickInHost(page, 'notes');
      senders.push(await panelFrame(page, { mode: 'notes' }));
    }
    while (senders.length < PAGES) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      senders.push(page);
    }
  });
  after(async () => { await browser?.close(); });

  /** Fires every message from `sender` at once and returns the answers. */
  const burst = (sender, messages) => sender.evaluate((all) => Promise.all(all.map((m) => chrome.runtime.sendMessage(m))), messages);

  test('labels put on conversations from four pages at once are all stored', async () => {
    const labels = [];
    for (let p = 0; p < PAGES; p++) {
      const made = await ask(browser, { op: 'label.put', label: { name: `Team ${p}`, color: '#1a73e8' } });
      assert.ok(made.ok, JSON.stringify(made));
      labels.push(made.labels[0].id);
    }
    // Every page labels 25 conversations of its own and the SAME shared conversation with its own label.
    const answers = await Promise.all(senders.map((sender, p) => burst(sender, [
      ...Array.from({ length: EACH }, (_, i) => ({ op: 'subject.label', key: `fb:thread:9${p}${String(i).padStart(4, '0')}`, label: labels[p], on: true })),
      { op: 'subject.label', key: 'fb:thread:777', label: labels[p], on: true },
    ])));
    assert.ok(answers.flat().every((a) => a.ok), 'every edit acknowledged');
    const listed = await ask(browser, { op: 'labels.list' });
    const subjects = new Map(listed.subjects.map((s) => [s.key, s.labels]));
    let stored = 0;
    for (let p = 0; p < PAGES; p++) {
      for (let i = 0; i < EACH; i++) stored += subjects.get(`fb:thread:9${p}${String(i).padStart(4, '0')}`)?.includes(labels[p]) ? 1 : 0;
    }
    assert.equal(stored, PAGES * EACH, 'every conversation edit is in the store');
    assert.deepEqual([...(subjects.get('fb:thread:777') ?? [])].sort(), [...labels].sort(), 'the shared conversation has every page\'s label');
  });

  test('notes added, and one note edited, from four pages at once: every note and every version is kept', async () => {
    const first = await ask(browser, { op: 'note.add', subject: 'fb:user:100012345678901', text: 'version 0' });
    assert.ok(first.ok, JSON.stringify(first));
    const shared = first.notes[0].id;
    const answers = await Promise.all(senders.map((sender, p) => burst(sender, [
      ...Array.from({ length: EACH }, (_, i) => ({ op: 'note.add', subject: 'fb:thread:100012345678901', text: `page ${p} note ${i}` })),
      ...Array.from({ length: 5 }, (_, i) => ({ op: 'note.edit', id: shared, text: `page ${p} edit ${i}` })),
    ])));
    assert.ok(answers.flat().every((a) => a.ok), 'every edit acknowledged');
    const listed = await ask(browser, { op: 'notes.list', subjects: ['fb:thread:100012345678901', 'fb:user:100012345678901'] });
    const texts = new Set(listed.notes.map((n) => n.text));
    let added = 0;
    for (let p = 0; p < PAGES; p++) for (let i = 0; i < EACH; i++) added += texts.has(`page ${p} note ${i}`) ? 1 : 0;
    assert.equal(added, PAGES * EACH, 'every note added is stored');
    const note = listed.notes.find((n) => n.id === shared);
    const versions = [...note.history.map((v) => v.text), note.text];
    assert.equal(versions.length, 1 + PAGES * 5, 'the first text and every edit are kept');
    for (let p = 0; p < PAGES; p++) for (let i = 0; i < 5; i++) assert.ok(versions.includes(`page ${p} edit ${i}`), `page ${p} edit ${i}`);
  });
});
