// Compile test of the package's types (`tsc --noEmit`): uses the whole API
// and checks that the types are real (not `any`).
import init, {
  Checker,
  applyEdits,
  extractText,
  initFormats,
  initDictionaries,
  initSync,
  parseDictionary,
  rules,
  version,
  type Category,
  type Dictionary,
  type Edit,
  type Finding,
  type Options,
  type Report,
  type RuleDoc,
  type Severity,
} from 'yasno';

// Fails to compile when T is `any`.
type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny = <T>(_value: T, ok: IsAny<T> extends true ? never : true): void => void ok;

export async function demo(docx: Uint8Array, wasm: ArrayBuffer): Promise<string> {
  await init();
  await init(new URL('https://example.org/yasno_wasm_bg.wasm'));
  initSync(wasm);
  const v: string = version;

  const dictionary: Dictionary = await parseDictionary('rule = "YS190"', 'org.toml');
  const options: Options = {
    profile: 'refusal',
    rules: { YS201: { max_words: 30, severity: 'error' }, YS101: { enabled: false } },
    dictionaries: [dictionary],
    allowed_abbreviations: ['МФЦ'],
    no_builtin_dictionaries: false,
  };
  const checker = new Checker(options);
  const same: Options = checker.options;
  const report: Report = checker.check(await extractText(docx, 'ответ.docx'));
  // The API's own return types are real types, not `any`.
  notAny(checker.check(''), true);
  notAny(checker.check('').findings[0], true);
  notAny(checker.check('').findings[0].edits[0], true);
  notAny(checker.check('').metrics.flesch, true);
  notAny(checker.check('').document.checklist, true);
  notAny(checker.options, true);
  notAny(checker.applyEdits('', []), true);
  notAny(applyEdits('', []), true);
  notAny(await extractText(docx, 'a.md'), true);
  notAny(initFormats(), true);
  notAny(initDictionaries(), true);
  notAny(rules()[0], true);
  notAny(rules()[0].options[0], true);
  notAny(version, true);
  notAny(init(), true);

  const first: Finding | undefined = report.findings[0];
  if (first) {
    const severity: Severity = first.severity;
    const category: Category = first.category;
    const start: number = first.start;
    const suggestions: string[] = first.suggestions ?? [];
    notAny(severity, true);
    void [category, start, suggestions];
  }
  const edits: Edit[] = report.findings.filter((f) => f.safe).flatMap((f) => f.edits);
  const fixed: string = checker.applyEdits('текст', edits);
  const again: string = applyEdits(fixed, [{ start: 0, end: 1, replacement: 'Т' }]);

  const docs: RuleDoc[] = rules();
  const maxWords = docs.find((d) => d.id === 'YS201')?.options.find((o) => o.name === 'max_words')?.default;
  const level: string = report.metrics.level;
  const kind: 'letter' | 'refusal' | 'notice' | 'template' = report.document.kind;
  const missing = (report.document.checklist ?? []).filter((c) => !c.present).map((c) => c.label);
  checker.free();
  return `${v} ${same.profile} ${again} ${maxWords} ${level} ${kind} ${missing.join()} ${report.score.toFixed(1)}`;
}

// @ts-expect-error: the profile must be one of the known ones.
new Checker({ profile: 'letters' });
// @ts-expect-error: severity is 'hint' | 'warning' | 'error'.
new Checker({ rules: { YS201: { severity: 'fatal' } } });
// @ts-expect-error: check takes a string.
new Checker().check(42);
// @ts-expect-error: edits need a replacement.
applyEdits('текст', [{ start: 0, end: 1 }]);
