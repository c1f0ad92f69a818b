// Gives a wasm-bindgen module's imports and exports short names, and its JS glue the same names.
//
// Why: wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` and every closure invoker after its full
// Rust type. The hashes cannot be compressed: in the content wasm they cost about 5 KB gzip, on every messaging
// page (design.md §6). Binaryen's --minify-imports-and-exports-and-modules renames them and prints the mapping;
// this script applies that mapping to the glue and fails the build if glue and module no longer agree.
//
// usage: node scripts/minify-wasm-names.mjs DIR NAME   (rewrites DIR/NAME_bg.wasm and DIR/NAME.js in place)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [dir, name] = process.argv.slice(2);
const wasmPath = `${dir}/${name}_bg.wasm`;
const jsPath = `${dir}/${name}.js`;
const fail = (why) => {
  console.error(`minify-wasm-names: ${name}: ${why}`);
  process.exit(1);
};

const mapping = JSON.parse(
  // -Oz once more after renaming: the shorter names let it shrink the module by another ~1 KB gzip.
  execFileSync('node_modules/.bin/wasm-opt', [wasmPath, '--minify-imports-and-exports-and-modules', '-Oz', '-o', wasmPath], {
    encoding: 'utf8',
  }),
);
const module = new WebAssembly.Module(readFileSync(wasmPath));
const newModules = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
const oldModules = new Set(mapping.imports.map(([module]) => module));
if (newModules.size !== 1 || oldModules.size !== 1) fail(`expected one import module, found ${[...oldModules]}`);

let js = readFileSync(jsPath, 'utf8');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Replaces the one match of `pattern`; anything else means the glue is not what this script knows. */
const replaceOnce = (pattern, replacement, what) => {
  const matches = js.match(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'));
  if (matches?.length !== 1) fail(`${what}: ${matches?.length ?? 0} matches in ${jsPath}`);
  js = js.replace(pattern, typeof replacement === 'function' ? replacement : () => replacement);
};

const [oldModule] = oldModules;
const [newModule] = newModules;
replaceOnce(new RegExp(`${escape(JSON.stringify(oldModule))}:`), `${JSON.stringify(newModule)}:`, 'import module');
// Imports are the keys of the glue's import object, one per line.
for (const [, from, to] of mapping.imports) {
  replaceOnce(new RegExp(`^( +)${escape(from)}:`, 'm'), (_, indent) => `${indent}${to}:`, `import ${from}`);
}
// Exports are read as `wasm.<name>`.
for (const [from, to] of mapping.exports) {
  js = js.replace(new RegExp(`\\bwasm\\.${escape(from)}\\b`, 'g'), () => `wasm.${to}`);
}

const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
for (const [, used] of js.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)) {
  if (!exported.has(used)) fail(`the glue reads wasm.${used}, which the module does not export`);
}
const leftover = js.match(/^ +__wbg\w*:/m);
if (leftover) fail(`import left unrenamed: ${leftover[0].trim()}`);
writeFileSync(jsPath, js);
