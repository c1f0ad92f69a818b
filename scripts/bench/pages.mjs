// The heavy pages `make bench` loads: each a fixture from tests/e2e/fixtures served at its real URL, grown by
// page-driver.js into what a busy Page's tab looks like (hundreds of comments, long inbox lists), with the churn
// mix a busy inbox produces. `messaging: false` pages must get no wasm and almost no script (design.md §6).
import { readFileSync } from 'node:fs';
import { CSP } from '../../tests/e2e/harness.mjs';

const DRIVER = readFileSync(new URL('./page-driver.js', import.meta.url), 'utf8');

export const SURFACES = [
  {
    name: 'facebook post, 400 comment threads',
    url: 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl',
    csp: 'facebook',
    messaging: true,
    spec: { unit: '[data-fixture-thread]', grow: 400, mix: { text: 4, attr: 2, move: 1, arrive: 2 } },
  },
  {
    name: 'messenger, 400 chats',
    url: 'https://www.facebook.com/messages/t/100012345678901/',
    csp: 'facebook',
    messaging: true,
    spec: { unit: '[role="grid"][aria-label="Chats"] [role="row"]', grow: 400, mix: { text: 4, attr: 2, move: 2, arrive: 1 } },
  },
  {
    name: 'business suite inbox, 300 threads',
    url: 'https://business.facebook.com/latest/inbox/all',
    csp: 'facebook',
    messaging: true,
    spec: { unit: '._4bl9', grow: 300, mix: { text: 4, attr: 2, move: 2, arrive: 1 } },
  },
  {
    name: 'x replies, 300 posts',
    url: 'https://x.com/nordlichtkaffee/status/1859842261514375168',
    csp: 'x',
    messaging: true,
    spec: { unit: '[data-testid="cellInnerDiv"]', skip: 1, grow: 300, mix: { text: 4, attr: 2, arrive: 2 } },
  },
  {
    name: 'x chat, 1000 chats virtualised',
    url: 'https://x.com/i/chat/1589427603-1880000000000000000',
    csp: 'x',
    messaging: true,
    spec: {
      unit: '.dm-inbox-scroll li',
      growJson: { selector: 'script[data-fixture-chats]', count: 1000 },
      scroller: '.dm-inbox-scroll',
      mix: { scroll: 3, text: 4, attr: 2 },
    },
  },
  {
    name: 'facebook home feed (not messaging)',
    url: 'https://www.facebook.com/',
    csp: 'facebook',
    messaging: false,
    spec: { unit: '[role="feed"] > *', grow: 100, mix: { text: 4, attr: 2, arrive: 2 } },
  },
  {
    name: 'x home timeline (not messaging)',
    url: 'https://x.com/home',
    csp: 'x',
    messaging: false,
    spec: { unit: '[data-testid="cellInnerDiv"]', grow: 200, mix: { text: 4, attr: 2, arrive: 2 } },
  },
];

/**
 * The policy for the wasm2js path: the site's own without 'unsafe-eval', which is what makes Chromium refuse to compile
 * the content script's wasm (toolchain.md §4); the driver still runs (facebook allows inline scripts, x has a nonce).
 */
export const noWasmCsp = (surface) => (surface.csp === 'x' ? 'x-strict' : CSP[surface.csp].replaceAll(" 'unsafe-eval'", ''));

/** serveFixtures' `transform`: the driver goes last in <body>, before the deferred fixture scripts run. */
export function heavyPage(surface) {
  return (html, { nonce }) => {
    const script = `<script nonce="${nonce}">window.__benchSpec=${JSON.stringify(surface.spec)};\n${DRIVER}</script>`;
    const at = html.lastIndexOf('</body>');
    return at < 0 ? html + script : html.slice(0, at) + script + html.slice(at);
  };
}
