// Makes wasm-bindgen's bundler glue load the wasm2js translation instead of a .wasm file.
//
// 1. The glue imports "./<name>_bg.wasm"; point it at "./<name>_bg.wasm.js" (toolchain.md §11 step 5).
// 2. The glue caches typed-array views of linear memory and refreshes them only when the old view has become
//    detached (byteLength 0), which is what real wasm memory does on grow. wasm2js grows memory by copying into a
//    new ArrayBuffer and leaves the old one attached, so the cached view would go stale and strings would be read
//    from old memory. Refresh whenever the buffer object changed instead.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let patched = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.js') && !n.endsWith('.wasm.js'))) {
  const path = join(dir, name);
  const before = readFileSync(path, 'utf8');
  const after = before
    .replace(/(\.\/\w+_bg)\.wasm"/g, '$1.wasm.js"')
    .replace(/(cached\w+Memory\d*) === null \|\| \1\.byteLength === 0/g, '$1 === null || $1.buffer !== wasm.memory.buffer')
    .replace(/(cachedDataViewMemory\d*) === null \|\| \1\.buffer\.detached === true \|\| \(\1\.buffer\.detached === undefined && \1\.buffer !== wasm\.memory\.buffer\)/g,
      '$1 === null || $1.buffer !== wasm.memory.buffer');
  if (after !== before) { writeFileSync(path, after); patched++; }
}
if (!patched) { console.error('patch-wasm2js-glue: nothing to patch; has the wasm-bindgen glue changed?'); process.exit(1); }
