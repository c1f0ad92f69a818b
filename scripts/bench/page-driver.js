// The benchmark's page-world driver, served inline at the end of a fixture's <body> (scripts/bench/pages.mjs), so it
// runs in the page's own world, the same way with and without the extension:
//  - grow: before DOMContentLoaded, repeat the fixture's conversation rows / comments / replies (`spec.unit`) until
//    there are `spec.grow` of them, each copy with its own ids (the last digits of every long number are replaced),
//    or grow the JSON a virtualised list is rendered from (`spec.growJson`);
//  - churn: `window.__benchChurn(ticks, perTick)` changes the page as a busy inbox does — preview and time texts,
//    class flips, a conversation moving to the top, a new one arriving while the oldest leaves, a virtual list
//    recycling its rows on scroll — `perTick` changes per task, one task every 16 ms, from a fixed seed so both runs
//    make the same changes. It counts the mutation records the page's changes produce.
// window.__benchSpec is set by the line before this script.
(() => {
  const spec = window.__benchSpec;
  const LONG_ID = /\d{15,}/g;
  const renumber = (html, k, digits) =>
    html.replace(LONG_ID, (id) => id.slice(0, -digits) + String(k).padStart(digits, '0').slice(-digits));

  const units = [...document.querySelectorAll(spec.unit)].slice(spec.skip || 0);
  const templates = units.map((u) => u.outerHTML);
  if (spec.grow && units.length) {
    const last = units[units.length - 1];
    const copies = [];
    for (let k = 1; units.length + copies.length < spec.grow; k++) copies.push(renumber(templates[k % templates.length], k, 3));
    last.insertAdjacentHTML('afterend', copies.join(''));
  }
  // Fixture scripts strip their data-fixture-* hooks on load: keep the grown units for the churn.
  const grownUnits = [...document.querySelectorAll(spec.unit)].slice(spec.skip || 0);
  if (spec.growJson) {
    const holder = document.querySelector(spec.growJson.selector);
    const rows = JSON.parse(holder.textContent);
    const grown = [];
    for (let k = 0; grown.length < spec.growJson.count; k++) {
      const row = JSON.parse(renumber(JSON.stringify(rows[k % rows.length]), k, 4));
      if (k >= rows.length) row.name = `${row.name} ${k}`;
      grown.push(row);
    }
    holder.textContent = JSON.stringify(grown);
  }

  let seed = 20261122;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let list = null;
  const texts = new WeakMap();
  const textsOf = (unit) => {
    if (!texts.has(unit)) {
      const found = [];
      const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim()) found.push(n);
      texts.set(unit, found);
    }
    return texts.get(unit);
  };
  let added = 5000;
  const ops = {
    text() {
      const nodes = textsOf(list[rand(list.length)]);
      if (!nodes.length) return;
      const node = nodes[rand(nodes.length)];
      node.data = /\d/.test(node.data) ? node.data.replace(/\d+/, (d) => String((Number(d) + 1) % 60)) : node.data.endsWith('…') ? node.data.slice(0, -1) : `${node.data}…`;
    },
    attr() {
      list[rand(list.length)].classList.toggle('bench-hover');
    },
    move() {
      const i = 1 + rand(list.length - 1);
      const [unit] = list.splice(i, 1);
      list[0].before(unit);
      list.unshift(unit);
    },
    arrive() {
      const holder = document.createElement('template');
      holder.innerHTML = renumber(templates[rand(templates.length)], added++, 4);
      const unit = holder.content.firstElementChild;
      list[0].before(unit);
      list.unshift(unit);
      list.pop().remove();
    },
    scroll() {
      const scroller = document.querySelector(spec.scroller);
      scroller.scrollTop = rand(Math.max(1, scroller.scrollHeight - scroller.clientHeight));
    },
  };
  const deck = Object.entries(spec.mix).flatMap(([name, weight]) => Array(weight).fill(ops[name]));

  window.__benchChurn = (ticks, perTick) =>
    new Promise((done) => {
      list = [...document.querySelectorAll(spec.unit)].slice(spec.skip || 0);
      if (!list.length) list = grownUnits.filter((u) => u.isConnected);
      if (!list.length) throw new Error(`bench driver: nothing matches ${spec.unit} to change`);
      let mutations = 0;
      const counter = new MutationObserver((records) => {
        mutations += records.length;
      });
      counter.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      let tick = 0;
      const step = () => {
        for (let i = 0; i < perTick; i++) deck[rand(deck.length)]();
        if (++tick < ticks) setTimeout(step, 16);
        else
          setTimeout(() => {
            mutations += counter.takeRecords().length;
            counter.disconnect();
            done({ mutations, units: list.length });
          }, 300);
      };
      step();
    });
})();
