// Minimal WebDriver-classic client for geckodriver + Firefox ESR, over HTTP with node's fetch (no npm packages).
// Recipe and gotchas: /work/shared/research/toolchain.md §5 (Firefox via geckodriver).
//
//   const ff = await startFirefox({ root, prefs });   // geckodriver on a free port, headless Firefox, fresh profile
//   await ff.installAddon(dir);                        // temporary add-on (unpacked dir)
//   await ff.navigate(url);                            // waits until location.href === url and readyState complete
//   await ff.execute('return document.title');         // page main world
//   await ff.clickAt(x, y);                            // real pointer events at viewport coordinates
//   await ff.typeKeys('order' + KEYS.Enter);          // key events to the focused element
//   await ff.quit();                                   // session, Firefox and geckodriver gone; safe to call twice
//
// Every process is started in its own process group and killed by that group id in quit() (and on process exit),
// so a failed test never leaves a Firefox behind.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;
export const FIREFOX = process.env.ANSWERDECK_FIREFOX || '/usr/bin/firefox-esr';
export const KEYS = { Enter: '\uE007', Escape: '\uE00C', ArrowDown: '\uE015', ArrowUp: '\uE013' };

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`WebDriver ${method} ${path} → ${status}: ${value && value.error}: ${value && value.message}`);
    this.status = status;
    this.error = value && value.error;
  }
}

/** Polls `fn` until it returns a truthy value; throws `message()` after `timeout` ms. */
export async function waitFor(fn, { timeout = 5_000, interval = 50, message = () => 'timed out' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`${await message()} (after ${timeout} ms)${last ? `; last error: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function startGeckodriver({ root, env }) {
  if (!existsSync(GECKODRIVER)) throw new Error(`geckodriver not found at ${GECKODRIVER} (set GECKODRIVER)`);
  // --port 0 / --websocket-port 0: free ports, so parallel runs on the machine don't collide.
  const child = spawn(GECKODRIVER, ['--port', '0', '--websocket-port', '0', '--profile-root', root], {
    detached: true, // own process group: Firefox (its child) is killed with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS: '1', TMPDIR: root, ...env },
  });
  const log = [];
  const onData = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log.push(line);
    if (log.length > 5000) log.splice(0, log.length - 5000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killGroup);
  const port = waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`geckodriver exited (${child.exitCode}): ${log.join('\n')}`);
      const m = log.map((l) => /Listening on 127\.0\.0\.1:(\d+)/.exec(l)).find(Boolean);
      return m && Number(m[1]);
    },
    { timeout: 5_000, interval: 20, message: () => `geckodriver did not start: ${log.join('\n')}` },
  );
  return { child, log, port, killGroup };
}

/**
 * Start geckodriver and a WebDriver session with headless Firefox and a fresh profile under `root`.
 * `prefs` are Firefox prefs; `caps` extra capabilities.
 */
export async function startFirefox({ root, prefs = {}, caps = {}, width = 1280, height = 900 }) {
  const gd = startGeckodriver({ root });
  let base;
  let sessionId = null;
  const ff = {
    log: gd.log,
    sessionId: null,
    async cmd(method, path, body, { timeout = 15_000 } = {}) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
      const json = await res.json().catch(() => ({ value: { error: 'bad json', message: String(res.status) } }));
      if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
      return json.value;
    },
    s(method, path, body, opts) {
      return ff.cmd(method, `/session/${sessionId}${path}`, body, opts);
    },
    /** Install an unpacked extension directory temporarily; returns the add-on id. */
    installAddon(dir) {
      return ff.s('POST', '/moz/addon/install', { path: dir, temporary: true });
    },
    /** Run `script` (a function body) in the page's main world. */
    execute(script, ...args) {
      return ff.s('POST', '/execute/sync', { script, args });
    },
    executeAsync(script, ...args) {
      return ff.s('POST', '/execute/async', { script, args });
    },
    /**
     * Navigate and wait until the new document is current and loaded. `POST /url` can return before it is
     * (toolchain.md §5: "Document was unloaded" / about:blank), so poll location.href and readyState.
     */
    async navigate(url, { timeout = 15_000 } = {}) {
      await ff.s('POST', '/url', { url }, { timeout }).catch((e) => {
        // A navigation interrupted by the document being replaced is the gotcha above, not a failure.
        if (!/unloaded|abort/i.test(e.message)) throw e;
      });
      await waitFor(
        async () => {
          const st = await ff.execute('return [location.href, document.readyState]');
          return st[0] === url && st[1] === 'complete';
        },
        {
          timeout,
          message: async () => `navigate(${url}): page at ${await ff.execute('return location.href + " " + document.readyState').catch((e) => e.message)}`,
        },
      );
    },
    /** Real pointer events (move, down, up) at viewport CSS coordinates. */
    async clickAt(x, y) {
      await ff.s('POST', '/actions', {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
              { type: 'pointerDown', button: 0 },
              { type: 'pause', duration: 30 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await ff.s('DELETE', '/actions');
    },
    /** Key down/up for each character of `text` (WebDriver key codes such as KEYS.Enter allowed). */
    async typeKeys(text) {
      const actions = [];
      for (const ch of text) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
      await ff.s('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
      await ff.s('DELETE', '/actions');
    },
    async findElement(css) {
      const v = await ff.s('POST', '/element', { using: 'css selector', value: css });
      return v[ELEMENT];
    },
    /** Synchronous last resort: kill geckodriver's process group (Firefox included). */
    kill() {
      gd.killGroup();
    },
    /**
     * Texts of the elements matching `innerCss` inside the shadow root of the first `hostCss` element. Firefox's
     * WebDriver reaches CLOSED shadow roots too; tests use this for failure diagnostics only, never to act.
     */
    async shadowTexts(hostCss, innerCss) {
      const host = await ff.findElement(hostCss);
      const root = Object.values(await ff.s('GET', `/element/${host}/shadow`))[0];
      const found = await ff.s('POST', `/shadow/${root}/elements`, { using: 'css selector', value: innerCss });
      const texts = [];
      for (const el of found) texts.push(await ff.s('GET', `/element/${Object.values(el)[0]}/text`));
      return texts;
    },
    /** PNG screenshot of the viewport as a Buffer. */
    async screenshot() {
      return Buffer.from(await ff.s('GET', '/screenshot'), 'base64');
    },
    async quit() {
      if (ff.closed) return;
      ff.closed = true;
      if (sessionId) await ff.cmd('DELETE', `/session/${sessionId}`, undefined, { timeout: 5_000 }).catch(() => {});
      gd.killGroup();
      await new Promise((r) => (gd.child.exitCode !== null || gd.child.signalCode ? r() : gd.child.once('exit', r)));
    },
  };
  try {
    base = `http://127.0.0.1:${await gd.port}`;
    const session = await ff.cmd(
      'POST',
      '/session',
      {
        capabilities: {
          alwaysMatch: {
            browserName: 'firefox',
            acceptInsecureCerts: true,
            pageLoadStrategy: 'normal',
            'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'], prefs },
            ...caps,
          },
        },
      },
      { timeout: 20_000 },
    );
    sessionId = ff.sessionId = session.sessionId;
    ff.capabilities = session.capabilities;
    await ff.s('POST', '/timeouts', { script: 10_000, pageLoad: 15_000, implicit: 0 });
    await ff.s('POST', '/window/rect', { width, height }).catch(() => {});
    return ff;
  } catch (e) {
    await ff.quit();
    e.message += `\n--- geckodriver/firefox log ---\n${gd.log.slice(-60).join('\n')}`;
    throw e;
  }
}
