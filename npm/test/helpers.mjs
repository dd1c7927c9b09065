// Shared helpers of the npm package tests (run over the built pkg/).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import assert from 'node:assert/strict';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const pkgDir = resolve(root, 'pkg');

/** The real documents of the shared corpus: [{ name, text }], [] when absent. */
export function corpus() {
  const dir = process.env.YASNO_CORPUS || resolve(root, '../shared/corpus/real');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(resolve(dir, name), 'utf8') }));
}

export function crateVersion() {
  const cargo = readFileSync(resolve(root, 'Cargo.toml'), 'utf8');
  return /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
}

/** Asserts the invariants every report must keep for `text`. */
export function assertReportFits(report, text, where = '') {
  let prev = -1;
  for (const f of report.findings) {
    const at = `${where} ${f.rule} ${f.start}..${f.end}`;
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), at);
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `${at}: outside the text`);
    assert.equal(text.slice(f.start, f.end), f.text, `${at}: slice differs from finding.text`);
    assert.ok(f.start >= prev, `${at}: findings not sorted by start`);
    prev = f.start;
    for (const e of f.edits) {
      assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${at}: edit outside the text`);
    }
  }
}
