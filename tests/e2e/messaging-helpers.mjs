// Helpers for the messaging end-to-end tests: read what the closed-shadow picker shows (through the DevTools
// protocol, which pierces closed shadow roots the way assistive technology does), and the X Chat fixture's
// React state.

/** The texts of the open picker, in document order (the first is its heading), or null when none is open. */
export async function pickerTexts(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (node) => {
      const attrs = node.attributes || [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-answerdeck' && attrs[i + 1] === 'picker') return node;
      for (const child of [...(node.shadowRoots || []), ...(node.children || [])]) {
        const hit = find(child);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root);
    if (!host) return null;
    const texts = [];
    const walk = (node) => {
      if (node.nodeType === 3 && node.nodeValue.trim()) texts.push(node.nodeValue.trim());
      if (node.nodeName === 'STYLE') return;
      for (const child of [...(node.shadowRoots || []), ...(node.children || [])]) walk(child);
    };
    walk(host);
    return texts;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The picker's heading (its first text), waiting until a picker is open. */
export async function pickerHeading(page) {
  await page.waitForSelector('[data-answerdeck="picker"]', { timeout: 5_000 });
  const texts = await pickerTexts(page);
  return texts ? texts[0] : null;
}
