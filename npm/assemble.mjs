// Completes pkg/ after wasm-bindgen and wasm-opt (run by `make wasm`):
// copies the entry, its types and the README, and writes package.json
// with the crate's version.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const npm = new URL('npm/', root);
const pkg = new URL('pkg/', root);

const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('no version in Cargo.toml [package]');

const manifest = JSON.parse(readFileSync(new URL('package.json', npm), 'utf8'));
manifest.version = version;
writeFileSync(new URL('package.json', pkg), JSON.stringify(manifest, null, 2) + '\n');

const entry = readFileSync(new URL('index.js', npm), 'utf8');
if (!entry.includes('__YASNO_VERSION__')) throw new Error('npm/index.js lost its version placeholder');
writeFileSync(new URL('index.js', pkg), entry.replace('__YASNO_VERSION__', version));
copyFileSync(new URL('index.d.ts', npm), new URL('index.d.ts', pkg));
copyFileSync(new URL('README.md', npm), new URL('README.md', pkg));

for (const file of manifest.files) readFileSync(new URL(file, pkg)); // every listed file exists
console.log(`pkg/: yasno ${version}`);
