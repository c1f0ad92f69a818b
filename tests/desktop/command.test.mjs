// The browser-level shortcut (manifest `commands`, default Alt+Shift+S, changeable in the browser's shortcut
// settings) opens the picker on the composer that has focus. Browser shortcuts never see CDP key events (those go
// straight to the page), so this test runs a headed Chromium under Xvfb and presses the keys through X11 with
// xdotool, like a person at a keyboard. scripts/test.sh runs it under `xvfb-run`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { modelText, submissions, waitForHosts } from '../e2e/harness.mjs';
import { startBrowser, open, rendered, flat } from '../e2e/extension.mjs';

const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const MAIN_COMPOSER = '[data-lexical-editor="true"][aria-label^="Comment as"]';

/** Presses `keys` (xdotool syntax) in the browser window, through the X server. */
function pressInBrowser(keys) {
  const windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium']).toString().trim().split('\n');
  execFileSync('xdotool', ['windowfocus', '--sync', windows[windows.length - 1]]);
  execFileSync('xdotool', ['key', '--clearmodifiers', keys]);
}

let browser;
before(async () => { browser = await startBrowser({ csp: 'facebook', headless: false }); });
after(async () => { await browser?.close(); });

test('the browser shortcut is registered with its default keys', async () => {
  const commands = await browser.serviceWorker.evaluate(() => chrome.commands.getAll());
  const open = commands.find((c) => c.name === 'open-picker');
  assert.ok(open, 'open-picker command declared');
  assert.equal(open.shortcut, 'Alt+Shift+S');
});

test('Alt+Shift+S opens the picker on the focused composer; Enter inserts there; nothing is sent', async () => {
  const { page, errors } = await open(browser, POST_EN);
  await waitForHosts(page, 'composer', 1);
  await page.bringToFront();
  await page.locator(MAIN_COMPOSER).click();
  assert.equal(await page.locator('[data-answerdeck="picker"]').count(), 0);
  pressInBrowser('alt+shift+s');
  await page.waitForSelector('[data-answerdeck="picker"]', { timeout: 5_000 });
  await page.keyboard.type('opening', { delay: 10 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached', timeout: 5_000 });
  assert.equal(flat(await modelText(page, MAIN_COMPOSER)), flat(rendered('r-opening-hours', { page: 'Nordlicht Kaffee' })));
  assert.deepEqual(await submissions(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
