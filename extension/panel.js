// The label menu and notes panel, framed over Facebook and X by the content script (src/ui/panel). An
// extension page, so nothing typed here (notes, label names) reaches the page's scripts. This only starts the core.
import init, { start_panel } from './pkg/answerdeck.js';

init({ module_or_path: new URL('./pkg/answerdeck_bg.wasm', import.meta.url) })
  .then(() => start_panel(document.getElementById('panel')))
  .catch((error) => {
    document.getElementById('panel').textContent = `Answerdeck could not start: ${error}`;
  });
