// Every real document of the shared corpus through the built package: the
// report keeps its invariants, offsets stay right when astral characters are
// added, and safe edits apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import init, { Checker } from '../../pkg/index.js';
import { corpus, assertReportFits } from './helpers.mjs';

await init();
const docs = corpus();
const checker = new Checker();

test('the corpus is there', { skip: docs.length ? false : 'no corpus (set YASNO_CORPUS)' }, () => {
  assert.ok(docs.length >= 10, `${docs.length} documents`);
});

test('every real document: findings fit the text and some are found', { skip: !docs.length }, () => {
  let findings = 0;
  for (const { name, text } of docs) {
    const report = checker.check(text);
    assertReportFits(report, text, name);
    assert.ok(report.metrics.words > 0, name);
    assert.ok(report.score >= 0 && report.score <= 10, name);
    findings += report.findings.length;
  }
  // Official letters are full of канцелярит: most documents have findings.
  assert.ok(findings >= docs.length, `${findings} findings in ${docs.length} documents`);
});

test('every real document with emoji and astral characters between paragraphs', { skip: !docs.length }, () => {
  const marks = ['😀', '👍🏽', '𝔸𝔹', '🇷🇺', '\u{10FFFF}'];
  for (const { name, text } of docs) {
    const plain = checker.check(text);
    // Put an astral mark at the start of every paragraph: findings must be the
    // same, each shifted by the UTF-16 length of the marks before it.
    const paragraphs = text.split('\n');
    let shift = 0;
    const shifts = []; // [offset in the plain text, cumulative shift]
    let pos = 0;
    const marked = paragraphs
      .map((p, i) => {
        const m = p.trim() ? `${marks[i % marks.length]} ` : '';
        shift += m.length;
        shifts.push([pos, shift]);
        pos += p.length + 1;
        return m + p;
      })
      .join('\n');
    const report = checker.check(marked);
    assertReportFits(report, marked, name);
    const shiftAt = (offset) => {
      let s = 0;
      for (const [start, cumulative] of shifts) if (start <= offset) s = cumulative;
      return s;
    };
    const key = (f) => `${f.rule} ${f.text}`;
    const expected = plain.findings.map((f) => `${key(f)} @${f.start + shiftAt(f.start)}`);
    const got = report.findings.map((f) => `${key(f)} @${f.start}`);
    assert.deepEqual(got.sort(), expected.sort(), name);
  }
});

test('every real document: safe edits apply and the result checks again', { skip: !docs.length }, () => {
  for (const { name, text } of docs) {
    const report = checker.check(text);
    const safe = report.findings.filter((f) => f.safe).flatMap((f) => f.edits);
    const fixed = checker.applyEdits(text, safe);
    if (safe.length) assert.notEqual(fixed, text, name);
    for (const e of safe) assert.ok(fixed.includes(e.replacement), `${name}: ${e.replacement}`);
    assertReportFits(checker.check(fixed), fixed, `${name} (fixed)`);
  }
});
