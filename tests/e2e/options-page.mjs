// Helpers for the options page's end-to-end tests (options.test.mjs, options-*.test.mjs): waiting, reading the
// list, files, and talking to the background the way the extension's own pages do.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something truthy; fails with `what` and the last value seen. */
export async function until(what, probe, { timeout = 5_000, interval = 20 } = {}) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() - start > timeout) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await sleep(interval);
  }
}

/** Waits until `locator`'s text matches `expected` (substring or RegExp); returns the text. */
export async function waitText(locator, expected, options) {
  let text = '';
  await until(
    `text ${expected}`,
    async () => {
      text = (await locator.textContent({ timeout: 500 })) ?? '';
      return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    },
    options,
  ).catch((error) => {
    throw new Error(`${error.message}\n  text was: ${JSON.stringify(text)}`);
  });
  return text;
}

export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const titles = (p) => p.locator('li.reply .title-text').allTextContents();
export const row = (p, title) =>
  p.locator('li.reply').filter({ has: p.locator('.title-text', { hasText: new RegExp(`^${escape(title)}$`) }) });
export const status = (p) => p.locator('.messages [role="status"]');
export const alert = (p) => p.locator('.messages [role="alert"]');
export const editor = (p) => p.locator('#editor');

export async function waitForTitles(p, expected, options) {
  return until(`titles ${JSON.stringify(expected)}`, async () => {
    const now = await titles(p);
    return expected.every((t) => now.includes(t)) && now;
  }, options);
}

/** Waits until the list shows exactly `expected`, in this order. */
export async function waitForExactTitles(p, expected, options) {
  let now = [];
  await until(`exactly ${JSON.stringify(expected)}`, async () => {
    now = await titles(p);
    return JSON.stringify(now) === JSON.stringify(expected);
  }, options).catch((error) => {
    throw new Error(`${error.message}\n  list was: ${JSON.stringify(now)}`);
  });
}

/** Clicks the button named `name` (exact) and returns {name, text, json?} of the downloaded file. */
export async function download(p, name) {
  const [file] = await Promise.all([
    p.waitForEvent('download', { timeout: 10_000 }),
    p.getByRole('button', { name, exact: true }).click(),
  ]);
  const text = readFileSync(await file.path(), 'utf8');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { name: file.suggestedFilename(), text, json };
}

export function writeTemp(dir, name, content) {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Sends `message` to the background from the extension page `p`, as the extension's pages and content
 *  scripts do (runtime.sendMessage), and returns the response. */
export function send(p, message) {
  return p.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** The library revision the background announces in storage.local. */
export function announcedRev(p) {
  return p.evaluate(async () => (await chrome.storage.local.get('answerdeck.rev'))['answerdeck.rev']);
}
