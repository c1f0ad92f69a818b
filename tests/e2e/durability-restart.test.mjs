// Durability (issue 6): the browser is closed and started again on the same profile. Replies, labels on
// conversations and notes are written from two extension pages (as the options page and panel do) and one label
// and one note through the real label menu and notes panel on Messenger; every write the background acknowledged
// (`ok: true`) must be there after the restart, and the content script must still put its controls on the page.
// Four ways to end the first browser: closed after a pause, closed at once after the last acknowledgement, closed
// while writes are still in flight (those that were not acknowledged may be missing), and killed with SIGKILL at
// once after the last acknowledgement (no shutdown at all). The figures are printed; lost must be 0.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser, open } from './extension.mjs';
import { hosts, chipText, clickInHost, panelFrame, panelOpen, ask, eventually } from './labels-helpers.mjs';

const MESSENGER = 'https://www.facebook.com/messages/t/100012345678901/';
const JONAS = 'fb:thread:100012345678901';
const JONAS_PERSON = 'fb:user:100012345678901'; // the notes panel writes about the person by default
const MAIN = { role: 'main' };
const LIST = { role: 'grid' };
const SENDERS = 2;
const EACH = 30;

/** A label and a note on Jonas's conversation, made with the pointer and keyboard in the Messenger page. */
async function writeThroughTheUi(browser, tag) {
  const { page, errors } = await open(browser, MESSENGER);
  await eventually(async () => (await hosts(page, 'labels', { subject: JONAS, within: MAIN })).length === 1, 'a labels host in the header');
  const name = `Kept ${tag}`;
  await clickInHost(page, 'labels', { subject: JONAS, within: MAIN });
  let frame = await panelFrame(page, { mode: 'labels', subject: JONAS });
  await eventually(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'input'), 'focus in the label menu');
  await page.keyboard.type(name, { delay: 5 });
  await page.keyboard.press('Enter');
  await eventually(async () => (await chipText(page, 'labels', JONAS, { within: LIST })) === name, 'the row shows the new label');
  await page.keyboard.press('Escape');
  await eventually(async () => !(await panelOpen(page)), 'the label menu closes');

  const note = `Restart note ${tag}: call back <b>Monday</b>`;
  await clickInHost(page, 'notes', { within: MAIN });
  frame = await panelFrame(page, { mode: 'notes', subject: JONAS });
  await eventually(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'textarea'), 'focus in the note field');
  await page.keyboard.type(note, { delay: 2 });
  await page.keyboard.press('Control+Enter');
  await eventually(() => frame.evaluate((n) => document.body.innerText.includes(n), note), 'the saved note is listed');
  await page.keyboard.press('Escape');
  await eventually(async () => /1/.test((await chipText(page, 'notes', JONAS, { within: MAIN })) ?? ''), 'the notes control counts it');
  assert.deepEqual(errors, []);
  return { name, note };
}

/**
 * Starts SENDERS pages writing `each` requests one after another (all pages at once). Each acknowledgement is
 * reported to the test the moment the page has it (`acks`), so a browser closed mid-burst still leaves an exact
 * record of what was acknowledged. `done` settles when every page has finished (or was closed).
 */
async function startBurst(browser, tag, labelId, each, onAck) {
  const acks = [];
  const pages = [];
  for (let s = 0; s < SENDERS; s++) {
    const page = await browser.context.newPage();
    await page.exposeFunction('__acked', (write) => { acks.push(write); onAck?.(acks.length); });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    pages.push(page);
  }
  const done = Promise.allSettled(pages.map((page, s) => page.evaluate(async ({ s, each, labelId, tag }) => {
    let failed = 0;
    for (let i = 0; i < each; i++) {
      const kind = ['note', 'reply', 'label'][i % 3];
      const key = `fb:thread:restart-${tag}-${s}-${i}`;
      const message = kind === 'note'
        ? { op: 'note.add', subject: key, text: `restart note ${tag} ${s}-${i}` }
        : kind === 'reply'
          ? { op: 'reply.put', reply: { id: `restart-${tag}-${s}-${i}`, title: `Restart ${tag} ${s}-${i}`, body: `Body ${tag} ${s}-${i}`, language: 'en' } }
          : { op: 'subject.label', key, label: labelId, on: true };
      const answer = await chrome.runtime.sendMessage(message).catch(() => null);
      if (answer?.ok) await window.__acked({ kind, s, i });
      else failed++;
    }
    return failed;
  }, { s, each, labelId, tag })));
  return { acks, done };
}

/** Which acknowledged writes of the burst are not in the store of `browser`. */
async function lostOf(browser, tag, labelId, acks) {
  const notes = (await ask(browser, { op: 'notes.search', query: `restart note ${tag}`, limit: 1000 })).notes.map((n) => n.text);
  const replies = (await ask(browser, { op: 'library.list' })).replies.map((r) => r.data.id);
  const subjects = (await ask(browser, { op: 'labels.list' })).subjects.filter((x) => x.labels.includes(labelId)).map((x) => x.key);
  const lost = acks.filter(({ kind, s, i }) => (kind === 'note' ? !notes.includes(`restart note ${tag} ${s}-${i}`)
    : kind === 'reply' ? !replies.includes(`restart-${tag}-${s}-${i}`) : !subjects.includes(`fb:thread:restart-${tag}-${s}-${i}`)));
  return { lost, notes };
}

const VARIANTS = [
  { tag: 'pause', title: 'closed a second after the last acknowledgement' },
  { tag: 'atonce', title: 'closed at once after the last acknowledgement' },
  { tag: 'inflight', title: 'closed while writes are still in flight' },
  { tag: 'killed', title: 'killed (SIGKILL, no shutdown) at once after the last acknowledgement' },
];

/** Kills the Chromium this test started on `profile` (its main process, found by its profile directory). */
function killBrowser(profile) {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
  const main = lines.find((l) => l.includes(`--user-data-dir=${profile}`));
  assert.ok(main, `the browser process on ${profile}`);
  process.kill(Number(main.trim().split(/\s+/)[0]), 'SIGKILL');
}

describe('a browser restart keeps every acknowledged write', () => {
  for (const { tag, title } of VARIANTS) {
    test(title, async (t) => {
      const profile = mkdtempSync(join(tmpdir(), 'answerdeck-restart-'));
      let first;
      let second;
      try {
        first = await startBrowser({ csp: 'facebook', userDataDir: profile, keepProfile: true });
        const ui = await writeThroughTheUi(first, tag);
        const made = await ask(first, { op: 'label.put', label: { name: `Survives ${tag}`, color: '#1a73e8' } });
        assert.ok(made.ok, JSON.stringify(made));
        const labelId = made.labels[0].id;

        // Mid-burst, the browser is closed after EACH acknowledgements, with many more writes still to go.
        const each = tag === 'inflight' ? EACH * 4 : EACH;
        const total = SENDERS * each;
        let closing = null;
        const closeAt = tag === 'inflight' ? EACH : Infinity;
        const burst = await startBurst(first, tag, labelId, each, (n) => { if (n >= closeAt && !closing) closing = first.close(); });
        await burst.done;
        const finished = burst.acks.length;
        if (tag === 'pause') await new Promise((r) => setTimeout(r, 1_000));
        if (tag === 'killed') killBrowser(profile);
        if (!closing) closing = first.close();
        await closing;
        const acks = [...burst.acks];

        second = await startBrowser({ csp: 'facebook', userDataDir: profile });
        const { lost, notes } = await lostOf(second, tag, labelId, acks);
        // The two writes made through the page's UI.
        const labels = await ask(second, { op: 'labels.list' });
        const uiLabel = labels.labels.find((l) => l.name === ui.name);
        const uiLost = [
          !(uiLabel && labels.subjects.find((x) => x.key === JONAS)?.labels.includes(uiLabel.id)) && 'label from the menu',
          !(await ask(second, { op: 'notes.list', subjects: [JONAS, JONAS_PERSON] })).notes.some((n) => n.text === ui.note) && 'note from the panel',
        ].filter(Boolean);
        const acknowledged = acks.length + 2;
        t.diagnostic(`${title}: ${total} burst writes, ${acks.length} acknowledged before the browser ended (${finished} when the burst ended) + 2 through the UI = ${acknowledged} acknowledged, ${lost.length + uiLost.length} lost`);
        assert.ok(acks.length > 0, 'some writes were acknowledged');
        if (tag === 'inflight') assert.ok(acks.length < total, 'the browser closed before every write was answered');
        else assert.equal(acks.length, total, 'every write was acknowledged before the close');
        assert.deepEqual(lost, [], 'every acknowledged write is stored after the restart');
        assert.deepEqual(uiLost, [], 'the label and note made in the page are stored after the restart');
        assert.equal(new Set(notes).size, notes.length, 'no note stored twice');

        // The content script still works on the restarted browser, and shows what was kept.
        const { page, errors } = await open(second, MESSENGER);
        await eventually(async () => (await hosts(page, 'composer')).length >= 1, 'a Saved replies control beside the reply box');
        await eventually(async () => (await chipText(page, 'labels', JONAS, { within: LIST })) === ui.name, 'the row shows the label kept over the restart');
        await eventually(async () => /1/.test((await chipText(page, 'notes', JONAS, { within: MAIN })) ?? ''), 'the notes control counts the kept note');
        assert.deepEqual(errors, []);
      } finally {
        await first?.close();
        await second?.close();
        rmSync(profile, { recursive: true, force: true });
      }
    });
  }
});
