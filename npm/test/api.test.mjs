// The JS API of the built package: results, options, errors, UTF-16
// offsets, panic recovery, document readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { strToU8, zipSync } from 'fflate';

import init, * as yasno from '../../pkg/index.js';
import { Checker, applyEdits, rules, extractText, parseDictionary, __panicForTest } from '../../pkg/index.js';
import { pkgDir, crateVersion, assertReportFits, corpus, root } from './helpers.mjs';

await init();

const REFUSAL = 'Заявление отклонено по причине отсутствия паспорта.';
const REFUSAL_FIXED = 'Заявление отклонено из-за отсутствия паспорта.';

test('init twice is harmless and version matches the crate and package.json', async () => {
  await init();
  const manifest = JSON.parse(readFileSync(resolve(pkgDir, 'package.json'), 'utf8'));
  assert.equal(yasno.version, crateVersion());
  assert.equal(manifest.version, crateVersion());
  assert.equal(manifest.exports['.'].types, './index.d.ts');
});

test('check returns a plain Report with a fixable compound preposition', () => {
  const report = new Checker().check(REFUSAL);
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.equal(report.schema_version, 1);
  const f = report.findings.find((f) => f.rule === 'YS101');
  assert.ok(f, JSON.stringify(report.findings));
  assert.equal(f.text, 'по причине');
  assert.equal(f.category, 'jargon');
  assert.match(f.message, /по причине/);
  assert.equal(f.explanation, '«По причине» — канцелярская замена предлога «из-за»: падеж тот же, а слов меньше.');
  assert.ok(f.safe);
  assert.deepEqual(f.edits, [{ start: REFUSAL.indexOf('по причине'), end: REFUSAL.indexOf(' отсутствия'), replacement: 'из-за' }]);
  assert.equal(report.metrics.sentences, 1);
  assert.equal(report.metrics.words, 6);
  assert.ok(report.score > 0 && report.score < 10);
  assert.equal(report.document.detected, true);
  assert.ok(['letter', 'refusal', 'notice', 'template'].includes(report.document.kind));
  assert.equal(new Checker().applyEdits(REFUSAL, f.edits), REFUSAL_FIXED);
});

test('offsets are UTF-16 code units after emoji and other astral characters', () => {
  const checker = new Checker();
  // 😀 and 𝔸 are surrogate pairs, 👍🏽 two of them, é a combining sequence.
  const prefix = '😀👍🏽 𝔸 Cafe\u0301: ';
  const text = `${prefix}${REFUSAL} 😀 В настоящее время 🇷🇺 работы не планируются.`;
  const report = checker.check(text);
  assertReportFits(report, text);
  const rules = report.findings.map((f) => f.rule);
  assert.ok(rules.includes('YS101') && rules.includes('YS104'), rules.join());
  // Same findings as without the emoji, shifted by the prefix's UTF-16 length.
  const plain = checker.check(REFUSAL).findings.find((f) => f.rule === 'YS101');
  const shifted = report.findings.find((f) => f.rule === 'YS101');
  assert.equal(shifted.start, plain.start + prefix.length);
  const edits = report.findings.filter((f) => f.safe).flatMap((f) => f.edits);
  assert.equal(checker.applyEdits(text, edits), `${prefix}${REFUSAL_FIXED} 😀 Сейчас 🇷🇺 работы не планируются.`);
});

test('a lone surrogate keeps text.slice(start, end) === finding.text', () => {
  const text = `\uD800 ${REFUSAL} \uDC00`;
  const report = new Checker().check(text);
  assert.ok(report.findings.length > 0);
  assertReportFits(report, text);
});

test('applyEdits skips edits inside a surrogate pair, outside the text or overlapping', () => {
  const text = 'а😀б';
  assert.equal(applyEdits(text, [{ start: 2, end: 3, replacement: 'x' }]), text); // inside 😀
  assert.equal(applyEdits(text, [{ start: 3, end: 9, replacement: 'x' }]), text); // past the end
  assert.equal(applyEdits(text, [{ start: 1, end: 3, replacement: ':)' }]), 'а:)б');
  assert.equal(
    applyEdits(text, [
      { start: 0, end: 3, replacement: 'X' },
      { start: 1, end: 4, replacement: 'Y' },
    ]),
    'Xб',
  );
});

test('options: profile, rule switches, severity and thresholds', () => {
  const letter = 'Сообщаем, что заявление рассмотрено.';
  const asRefusal = new Checker({ profile: 'refusal' }).check(letter);
  assert.equal(asRefusal.document.kind, 'refusal');
  assert.equal(asRefusal.document.detected, false);

  const off = new Checker({ rules: { YS101: { enabled: false } } });
  assert.ok(!off.check(REFUSAL).findings.some((f) => f.rule === 'YS101'));
  assert.deepEqual(off.options, { rules: { YS101: { enabled: false } } });

  const strict = new Checker({ rules: { YS201: { max_words: 5, severity: 'error' } } });
  const long = strict.check(REFUSAL).findings.filter((f) => f.rule === 'YS201');
  assert.equal(long.length, 1);
  assert.equal(long[0].severity, 'error');
  assert.ok(!new Checker().check(REFUSAL).findings.some((f) => f.rule === 'YS201'));
});

test('options: custom dictionaries in the format of dictionaries/*.toml, read by parseDictionary', async () => {
  const toml = `
rule = "YS190"
[[entry]]
phrase = "карточка контроля"
suggestions = ["поручение"]
explanation = "Внутренний термин документооборота, читателю он ничего не говорит."
examples = [{ bad = "Ваше обращение поставлено на карточку контроля.", good = "По вашему обращению дано поручение." }]
`;
  const dictionary = await parseDictionary(toml, 'org.toml');
  assert.equal(dictionary.name, 'org.toml');
  assert.equal(JSON.parse(dictionary.source).entry[0].suggestions[0], 'поручение');
  const checker = new Checker({ dictionaries: [dictionary] });
  const report = checker.check('Ваше обращение поставлено на карточки контроля в управе.');
  const f = report.findings.find((f) => f.rule === 'YS190');
  assert.ok(f, JSON.stringify(report.findings));
  assert.equal(f.text, 'карточки контроля');
  assert.deepEqual(f.suggestions, ['поручение']);
  assert.ok(!new Checker().check('Ваше обращение поставлено на карточки контроля.').findings.some((f) => f.rule === 'YS190'));

  const only = new Checker({ no_builtin_dictionaries: true, dictionaries: [dictionary] });
  const found = only.check(`${REFUSAL} Обращение поставлено на карточку контроля.`).findings.map((f) => f.rule);
  assert.ok(found.includes('YS190') && !found.includes('YS101'), found.join());

  new Checker({ allowed_abbreviations: ['МФЦ', 'ГИБДД'] }); // accepted

  // TOML given to the constructor: the checker module has no TOML reader.
  assert.throws(() => new Checker({ dictionaries: [{ name: 'org.toml', source: toml }] }), /org\.toml: pass TOML through `await parseDictionary/);
  // parseDictionary's errors name the file and the line, or the entry.
  await assert.rejects(parseDictionary('rule = "YS101"\n[[entry]]\nphrase = ', 'broken.toml'), /dictionary broken\.toml: TOML parse error at line 3/);
  await assert.rejects(
    parseDictionary('rule = "YS190"\n[[entry]]\nphrase = "карточка контроля"\nsuggestions = ["поручение"]\nexplanation = "…"\n', 'bare.toml'),
    /bare\.toml: entry 1 \(«карточка контроля»\): needs at least one example/,
  );
});

test('every built-in dictionary read by parseDictionary checks the corpus as the built-in one does', async () => {
  const dir = resolve(root, 'dictionaries');
  const dictionaries = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.toml')).sort()) {
    dictionaries.push(await parseDictionary(readFileSync(resolve(dir, file), 'utf8'), file));
  }
  assert.ok(dictionaries.length >= 6);
  const builtin = new Checker();
  const custom = new Checker({ no_builtin_dictionaries: true, dictionaries });
  let findings = 0;
  for (const { text } of corpus().slice(0, 20)) {
    const a = builtin.check(text).findings;
    const b = custom.check(text).findings;
    assert.deepEqual(b, a);
    findings += a.length;
  }
  assert.ok(findings > 100, `${findings} findings`);
});

test('bad options throw an Error with a clear message', () => {
  const cases = [
    [{ rules: { YS999: {} } }, /unknown rule `YS999`/],
    [{ rules: { YS201: { max_sentence: 5 } } }, /YS201 has no option `max_sentence`/],
    [{ rules: { YS201: { max_words: -3 } } }, /max_words.*positive whole number/],
    [{ rules: { YS201: { max_words: 'много' } } }, /max_words.*positive whole number/],
    [{ rules: { YS201: { severity: 'fatal' } } }, /bad options.*fatal/],
    [{ profile: 'letters' }, /bad options.*letters/],
    [{ profil: 'letter' }, /bad options: unknown field `profil`/],
    [{ dictionaries: [{ name: 'broken.json', source: '{"rule": "YS101", "entry": [{"phrase": ' }] }, /dictionary broken\.json/],
    [{ dictionaries: [{ name: 'rule.json', source: '{"rule": "YS201"}' }] }, /rule\.json.*not a dictionary rule/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => new Checker(options), (e) => e instanceof Error && message.test(e.message), JSON.stringify(options));
  }
  assert.throws(() => new Checker('letter'), TypeError);
  assert.throws(() => new Checker([]), TypeError);
  assert.throws(() => new Checker({ rules: { YS201: { max_words: 10n } } }), /plain JSON/);
  assert.throws(() => new Checker().check(42), TypeError);
  assert.throws(() => applyEdits('текст', [{ start: 0, end: 1 }]), /bad edits.*replacement/);
  assert.throws(() => applyEdits('текст', { start: 0 }), TypeError);
  // The module still works after all these errors.
  assert.ok(new Checker().check(REFUSAL).findings.length > 0);
});

test('using the API before init() throws a clear Error', () => {
  const script = `import { Checker } from ${JSON.stringify(resolve(pkgDir, 'index.js'))};
    try { new Checker(); } catch (e) { console.log(e.message); process.exit(0); }
    process.exit(1);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /await init\(\)/);
});

test('rules() lists every rule with its Russian docs', () => {
  const docs = rules();
  const ids = docs.map((d) => d.id);
  assert.deepEqual(ids, [...ids].sort());
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['YS101', 'YS102', 'YS190', 'YS201', 'YS202', 'YS303']) assert.ok(ids.includes(id), id);
  for (const d of docs) {
    assert.match(d.id, /^YS\d{3}$/);
    for (const key of ['name', 'title', 'what', 'why', 'bad', 'good', 'fix']) assert.ok(d[key].length > 0, `${d.id}.${key}`);
    assert.ok(['hint', 'warning', 'error'].includes(d.severity));
  }
  const ys201 = docs.find((d) => d.id === 'YS201');
  assert.ok(ys201.options.some((o) => o.name === 'max_words' && o.default > 0));
  // A copy: changing it does not change the next call.
  docs[0].id = 'changed';
  assert.notEqual(rules()[0].id, 'changed');
});

test('a panic in the core throws an Error and later calls still work', () => {
  const checker = new Checker({ rules: { YS101: { enabled: false } } });
  const before = checker.check(`${REFUSAL} В настоящее время работы не планируются.`);
  for (let round = 0; round < 3; round++) {
    assert.throws(
      () => __panicForTest(),
      (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && /panic/.test(e.message),
    );
    // The old checker rebuilds itself with its options…
    assert.deepEqual(checker.check(`${REFUSAL} В настоящее время работы не планируются.`), before);
    // …new checkers, rules() and applyEdits work.
    assert.ok(new Checker().check(REFUSAL).findings.some((f) => f.rule === 'YS101'));
    assert.ok(rules().length > 0);
    assert.equal(applyEdits('аб', [{ start: 0, end: 1, replacement: 'в' }]), 'вб');
  }
  checker.free();
});

// A zip archive with stored (uncompressed) entries.
const zip = (files) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, strToU8(content)])), { level: 0 });

test('extractText reads .md, .html and .docx, and rejects broken files', async () => {
  const md = '# Ответ на обращение\n\nЗаявление отклонено **по причине** отсутствия паспорта.\n';
  assert.equal(await extractText(new TextEncoder().encode(md), 'ответ.md'), `Ответ на обращение\n\n${REFUSAL}`);
  const html = '<html><body><h1>Ответ</h1><p>Заявление отклонено <b>по причине</b> отсутствия паспорта.</p></body></html>';
  const fromHtml = await extractText(new TextEncoder().encode(html).buffer, 'answer.html');
  assert.match(fromHtml, /Ответ\s+Заявление отклонено по причине отсутствия паспорта\./);

  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const documentXml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>
    <w:p><w:r><w:t>Заявление отклонено </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>по причине</w:t></w:r><w:r><w:t xml:space="preserve"> отсутствия паспорта.</w:t></w:r></w:p>
    <w:p><w:r><w:t>В настоящее время работы не планируются.</w:t></w:r></w:p>
  </w:body></w:document>`;
  const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': documentXml });
  const text = await extractText(docx, 'Ответ.DOCX');
  assert.match(text, /^Заявление отклонено по причине отсутствия паспорта\.\s+В настоящее время работы не планируются\.$/);
  const found = new Checker().check(text).findings.map((f) => f.rule);
  assert.ok(found.includes('YS101') && found.includes('YS104'), found.join());

  await assert.rejects(extractText(new Uint8Array([0xd0, 0x9f, 0xff]), 'a.txt'), /cannot read a\.txt.*UTF-8/);
  await assert.rejects(extractText(new TextEncoder().encode('не архив'), 'b.docx'), /cannot read b\.docx/);
  await assert.rejects(extractText('строка', 'c.txt'), TypeError);

  // A panic in the readers module: that call fails, the next ones work.
  await assert.rejects(__panicForTest('formats'), (e) => e instanceof Error && /panic/.test(e.message));
  assert.equal(await extractText(new TextEncoder().encode(md), 'ответ.md'), `Ответ на обращение\n\n${REFUSAL}`);
  assert.ok(new Checker().check(REFUSAL).findings.length > 0);
});

test('index.d.ts declares every field a real report has', () => {
  const dts = readFileSync(resolve(pkgDir, 'index.d.ts'), 'utf8');
  const fields = (name) => {
    const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(dts)[1];
    return new Set([...body.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]));
  };
  const text = `${REFUSAL}\n\nОбжаловать решение можно в течение 30 дней. В настоящее время работы не планируются.`;
  const report = new Checker({ profile: 'refusal' }).check(text);
  const finding = report.findings.find((f) => f.edits.length && f.suggestions);
  assert.ok(finding);
  const check = (obj, name) => {
    for (const key of Object.keys(obj)) assert.ok(fields(name).has(key), `${name}.${key} is not in index.d.ts`);
  };
  check(report, 'Report');
  check(finding, 'Finding');
  check(finding.edits[0], 'Edit');
  check(report.metrics, 'Metrics');
  check(report.document, 'DocumentInfo');
  for (const item of report.document.checklist ?? []) check(item, 'ChecklistItem');
  check(rules()[0], 'RuleDoc');
  check(rules().find((d) => d.options.length).options[0], 'OptionDoc');
  // And every declared Metrics field is present.
  for (const key of fields('Metrics')) assert.ok(key in report.metrics, `Metrics.${key} is declared but missing`);
});
