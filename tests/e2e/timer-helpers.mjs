// Steps shared by the response-timer end-to-end tests: the `timer` hosts as a page's scripts (and a tester) see
// them — the contract's attributes on the host, the text inside its closed shadow root — and times the fixtures
// were served with.
import { hosts, ask, eventually } from './labels-helpers.mjs';

export { ask, eventually };

/** Every timer host: subject, data-state, data-waiting-since (ms, or null), and where it is (row, main, article). */
export async function timers(page) {
  const found = await page.evaluate(() => [...document.querySelectorAll('[data-answerdeck="timer"]')].map((host) => ({
    subject: host.getAttribute('data-subject'),
    state: host.getAttribute('data-state'),
    since: host.getAttribute('data-waiting-since'),
    inMain: !!host.closest('[role="main"]'),
    inList: !!host.closest('[role="navigation"], [data-testid="dm-inbox-panel"], [aria-label="Chats"]'),
  })));
  const texts = await hosts(page, 'timer');
  return found.map((t, i) => ({ ...t, sinceMs: t.since ? Date.parse(t.since) : null, text: texts[i]?.text ?? null }));
}

/** The timer of `subject` (in the open conversation when `inMain`, else the first). */
export async function timerOf(page, subject, { inMain = null } = {}) {
  return (await timers(page)).find((t) => t.subject === subject && (inMain === null || t.inMain === inMain)) ?? null;
}

/** Waits for the timer of `subject` to satisfy `ok(timer)`. */
export function timerWhere(page, subject, ok, what, opts = {}) {
  return eventually(async () => {
    const timer = await timerOf(page, subject, opts);
    return timer && ok(timer) ? timer : null;
  }, what, { timeout: 8_000 });
}

/**
 * The instant a local clock text (`09:41`, `Today 09:41`, `Gestern 23:58`) the page shows stands for, in ms. Local
 * is the browser context's zone, UTC (harness `launch`).
 */
export function localClock(text, now = Date.now()) {
  const [, hh, mm] = text.match(/(\d{1,2}):(\d{2})\s*$/);
  const at = new Date(now);
  at.setUTCHours(Number(hh), Number(mm), 0, 0);
  if (/yesterday|gestern|i går/i.test(text) || at.getTime() > now) at.setUTCDate(at.getUTCDate() - 1);
  return at.getTime();
}

/** Puts timer settings (thresholds in minutes, opening hours) and waits for the answer. */
export async function setTimerSettings(browser, settings) {
  const answer = await ask(browser, { op: 'timers.settings.put', settings: { warn_minutes: 5, late_minutes: 15, hours: [], ...settings } });
  if (!answer?.ok) throw new Error(`timers.settings.put refused: ${JSON.stringify(answer)}`);
  return answer;
}
