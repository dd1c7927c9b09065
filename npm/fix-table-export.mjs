// Works around a bug of wasm-opt 108 (Debian bookworm's binaryen): with two
// tables (functions, and wasm-bindgen's externref table) it writes the
// export `__wbindgen_externrefs` as table 0 instead of the externref table.
// Points the export back at the one externref table; a no-op when right.
// Usage: node npm/fix-table-export.mjs file.wasm
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const bytes = readFileSync(file);

function leb(pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    value |= (b & 0x7f) << shift;
    shift += 7;
    if (b < 0x80) return [value >>> 0, pos];
  }
}

const sections = {};
for (let pos = 8; pos < bytes.length; ) {
  const id = bytes[pos];
  const [size, start] = leb(pos + 1);
  if (id !== 0) sections[id] = start;
  pos = start + size;
}

// Imported tables come first in the table index space.
let importedTables = 0;
if (sections[2] !== undefined) {
  let [count, pos] = leb(sections[2]);
  for (; count > 0; count--) {
    let len;
    [len, pos] = leb(pos);
    pos += len;
    [len, pos] = leb(pos);
    pos += len;
    const kind = bytes[pos++];
    if (kind === 0) [, pos] = leb(pos);
    else if (kind === 1) {
      importedTables++;
      pos++;
      const flags = bytes[pos++];
      [, pos] = leb(pos);
      if (flags & 1) [, pos] = leb(pos);
    } else if (kind === 2) {
      const flags = bytes[pos++];
      [, pos] = leb(pos);
      if (flags & 1) [, pos] = leb(pos);
    } else if (kind === 3) pos += 2;
    else throw new Error(`unknown import kind ${kind}`);
  }
}

const externrefTables = [];
{
  let [count, pos] = leb(sections[4]);
  for (let i = 0; i < count; i++) {
    const type = bytes[pos++];
    if (type === 0x6f) externrefTables.push(importedTables + i);
    const flags = bytes[pos++];
    [, pos] = leb(pos);
    if (flags & 1) [, pos] = leb(pos);
  }
}

let [count, pos] = leb(sections[7]);
let fixed = false;
for (; count > 0; count--) {
  let len;
  [len, pos] = leb(pos);
  const name = bytes.subarray(pos, pos + len).toString();
  pos += len;
  const kind = bytes[pos++];
  const indexAt = pos;
  const [index, next] = leb(pos);
  pos = next;
  if (name === '__wbindgen_externrefs' && kind === 1 && !externrefTables.includes(index)) {
    if (externrefTables.length !== 1 || next - indexAt !== 1 || externrefTables[0] > 0x7f) {
      throw new Error(`${file}: cannot repair the export of the externref table`);
    }
    bytes[indexAt] = externrefTables[0];
    fixed = true;
  }
}
new WebAssembly.Module(bytes); // still valid
if (fixed) {
  writeFileSync(file, bytes);
  console.log(`${file}: export __wbindgen_externrefs repointed to table ${externrefTables[0]} (wasm-opt 108 bug)`);
}
