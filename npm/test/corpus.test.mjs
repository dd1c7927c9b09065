// Every real document of the shared corpus through the built package: the
// report keeps its invariants, offsets stay right when astral characters are
// added, and safe edits apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import init, { Checker, rules } from '../../pkg/index.js';
import { corpus, assertReportFits } from './helpers.mjs';

await init();
const docs = corpus();
const checker = new Checker();
const dictionaryRules = new Set(rules().filter((r) => r.dictionary).map((r) => r.id));
const phrase = (f) => dictionaryRules.has(f.rule);

test('the corpus is there', { skip: docs.length ? false : 'no corpus (set YASNO_CORPUS)' }, () => {
  assert.ok(docs.length >= 10, `${docs.length} documents`);
});

test('every real document: findings fit the text and some are found', { skip: !docs.length }, () => {
  let findings = 0;
  for (const { name, text } of docs) {
    const report = checker.check(text);
    assertReportFits(report, text, name);
    assert.ok(report.metrics.words > 0, name);
    // Explanations travel as a table (src/wasm.rs): each finding gets its text back.
    for (const f of report.findings) assert.match(f.explanation, /[а-яё]{3}/i, `${name} ${f.rule}`);
    assert.ok(report.score >= 0 && report.score <= 10, name);
    findings += report.findings.length;
  }
  // Official letters are full of канцелярит: most documents have findings.
  assert.ok(findings >= docs.length, `${findings} findings in ${docs.length} documents`);
});

test('every real document with emoji and astral characters between paragraphs', { skip: !docs.length }, () => {
  const marks = ['😀 ', '👍🏽 ', '𝔸𝔹 ', '🇷🇺 ', '\u{10FFFF} '];
  for (const { name, text } of docs) {
    const plain = checker.check(text);
    // An astral mark at the start of every paragraph (after a blank line):
    // every finding still fits the marked text, and the phrase findings of
    // the dictionary rules (which do not depend on sentence segmentation) are
    // the same, at the same places once the marks are taken out again.
    const inserted = []; // { at: offset in the plain text, from, to: span in the marked text }
    let marked = '';
    let pos = 0;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) marked += '\n';
      if (line.trim() && (i === 0 || !lines[i - 1].trim())) {
        const m = marks[i % marks.length];
        inserted.push({ at: pos, from: marked.length, to: marked.length + m.length });
        marked += m;
      }
      marked += line;
      pos += line.length + 1;
    });
    const report = checker.check(marked);
    assertReportFits(report, marked, name);
    const toPlain = (offset) => {
      let shift = 0;
      for (const m of inserted) {
        if (m.from > offset) break;
        if (offset < m.to) return m.at; // inside a mark: where it was inserted
        shift += m.to - m.from;
      }
      return offset - shift;
    };
    const key = (f, start, end) => `${f.rule} ${start}..${end} ${text.slice(start, end)}`;
    const expected = plain.findings.filter(phrase).map((f) => key(f, f.start, f.end));
    const got = report.findings.filter(phrase).map((f) => key(f, toPlain(f.start), toPlain(f.end)));
    assert.ok(report.findings.length >= plain.findings.length / 2, name);
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
