// Types of the npm package `yasno`. Field names are the names of the Rust
// core's JSON (the same as `yasno check --format json`); offsets are UTF-16
// code units of the checked string, so `text.slice(f.start, f.end) === f.text`.

/** How much a finding matters. */
export type Severity = 'hint' | 'warning' | 'error';

/** The kind of problem: канцелярит, heavy syntax, length, missing explanations. */
export type Category = 'jargon' | 'syntax' | 'length' | 'explanation';

/** The kind of document the checks assumed. */
export type DocKind = 'letter' | 'refusal' | 'notice' | 'template';

/** Which kind of document to assume; `auto` detects it from the text. */
export type Profile = 'auto' | DocKind;

/** A replacement of `text.slice(start, end)`. */
export interface Edit {
  /** UTF-16 offset of the first replaced code unit. */
  start: number;
  /** UTF-16 offset just past the replaced span. */
  end: number;
  replacement: string;
}

/** One problem found in the text. */
export interface Finding {
  /** Stable rule id, e.g. `YS101`. */
  rule: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offset of the start of the span. */
  start: number;
  /** UTF-16 offset just past the span. */
  end: number;
  /** The span: `text.slice(start, end)`. */
  text: string;
  /** Short message in Russian. */
  message: string;
  /** Why this matters to the reader, in Russian. */
  explanation: string;
  /** Plain-words alternatives to show; absent when there are none. */
  suggestions?: string[];
  /** Concrete replacements; empty when only a person can fix it. */
  edits: Edit[];
  /** True when `edits` may be applied without review. */
  safe: boolean;
}

/** Counts and readability indices adapted to Russian. */
export interface Metrics {
  /** Characters (Unicode scalar values). */
  characters: number;
  words: number;
  sentences: number;
  paragraphs: number;
  syllables: number;
  avg_sentence_words: number;
  avg_word_syllables: number;
  /** Share of words with four or more syllables, 0..1. */
  long_words_share: number;
  /** Flesch reading ease for Russian (Oborneva). */
  flesch: number;
  /** Flesch–Kincaid grade for Russian. */
  grade: number;
  /** The reader's education level the grade implies, in Russian. */
  level: string;
  reading_seconds: number;
  longest_sentence_words: number;
}

/** One required element of a decision or refusal. */
export interface ChecklistItem {
  /** Stable key: `decision`, `reason`, `next_step`, `deadline`, `appeal`, `contacts`. */
  key: string;
  /** Russian label. */
  label: string;
  present: boolean;
  /** Rule id that reports the element when it is missing. */
  rule: string;
}

/** Facts about the document as a whole. */
export interface DocumentInfo {
  kind: DocKind;
  /** True when `kind` was detected from the text, false when set by `profile`. */
  detected: boolean;
  /** For a refusal or decision; absent when empty. */
  checklist?: ChecklistItem[];
}

/** The result of checking one text. */
export interface Report {
  schema_version: number;
  /** Sorted by `start`, then `end`, then `rule`. */
  findings: Finding[];
  metrics: Metrics;
  /** Clarity score from 0 (opaque) to 10 (plain), one decimal. */
  score: number;
  document: DocumentInfo;
}

/** Settings of one rule: `enabled`, `severity` and the rule's numeric options (e.g. `max_words`). */
export interface RuleSettings {
  /** `false` switches the rule off. */
  enabled?: boolean;
  /** Overrides the rule's default severity. */
  severity?: Severity;
  /** Rule options, see `RuleDoc.options`: positive whole numbers. */
  [option: string]: number | boolean | Severity | undefined;
}

/**
 * An extra dictionary: the fields of the TOML format of the built-in
 * `dictionaries/*.toml`, as JSON. `parseDictionary` makes one from the TOML.
 */
export interface Dictionary {
  /** A name used in error messages (a file name, say). */
  name: string;
  /** The dictionary as JSON (a TOML text is refused: read it with `parseDictionary`). */
  source: string;
}

/** Settings of a checker (the shape of `yasno.toml`). */
export interface Options {
  profile?: Profile;
  /** Per-rule settings keyed by rule id, e.g. `{ YS201: { max_words: 30 } }`. */
  rules?: Record<string, RuleSettings>;
  dictionaries?: Dictionary[];
  /** Abbreviations the readers are known to understand. */
  allowed_abbreviations?: string[];
  /** Use only `dictionaries`, not the built-in ones. */
  no_builtin_dictionaries?: boolean;
}

/** A rule option with its default. */
export interface OptionDoc {
  name: string;
  default: number;
  /** What it sets, in Russian. */
  help: string;
}

/** The documentation of a rule (Russian text). */
export interface RuleDoc {
  id: string;
  /** Stable kebab-case name. */
  name: string;
  category: Category;
  /** Default severity. */
  severity: Severity;
  title: string;
  what: string;
  why: string;
  /** A sentence it flags. */
  bad: string;
  /** The same sentence, fixed. */
  good: string;
  /** How to fix it. */
  fix: string;
  options: OptionDoc[];
  /** True when the rule reports entries of dictionaries. */
  dictionary: boolean;
}

/** Where to load the `.wasm` from: a URL, a fetch Response, its bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** The package version, equal to the version of the Rust crate. */
export declare const version: string;

/**
 * Loads and instantiates the WebAssembly module (by default the `.wasm`
 * next to this file). Await it once before anything else.
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<void>;
export default init;

/** Instantiates synchronously from the bytes or a compiled module. */
export declare function initSync(module: BufferSource | WebAssembly.Module): void;

/** A configured checker. Build it once, check many texts. */
export declare class Checker {
  /** @throws {Error} when the options are invalid (unknown rule or option, bad dictionary…). */
  constructor(options?: Options);
  /** The options the checker was built with (a copy). */
  readonly options: Options;
  /** Checks a text. */
  check(text: string): Report;
  /**
   * Applies edits (UTF-16 offsets of `text`) and returns the new text.
   * Overlapping edits and edits with offsets outside the text are skipped.
   */
  applyEdits(text: string, edits: readonly Edit[]): string;
  /** Frees the checker's memory now instead of at garbage collection. */
  free(): void;
}

/** Applies edits to a text; see `Checker.applyEdits`. */
export declare function applyEdits(text: string, edits: readonly Edit[]): string;

/**
 * The text a person reads in a document: `.txt`, `.md`, `.html`, `.docx`,
 * `.odt` (the format is taken from `fileName`; plain UTF-8 text otherwise).
 * The readers are a second WebAssembly module, loaded on the first call;
 * `init()` is not needed.
 * Rejects with an `Error` when the file cannot be read (not UTF-8, broken archive…).
 */
export declare function extractText(bytes: Uint8Array | ArrayBuffer, fileName: string): Promise<string>;

/**
 * Reads a dictionary in the TOML format of the built-in `dictionaries/*.toml`
 * and returns it, validated, for `options.dictionaries`. The TOML reader is
 * a third WebAssembly module, loaded on the first call; `init()` is not
 * needed. Rejects with an `Error` naming the file, the line and the entry.
 */
export declare function parseDictionary(source: string, name?: string): Promise<Dictionary>;

/** Loads the TOML reader of dictionaries now rather than on the first `parseDictionary`. */
export declare function initDictionaries(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the document readers now rather than on the first `extractText`. */
export declare function initFormats(input?: InitInput | Promise<InitInput>): Promise<void>;

/** The docs of every rule, in id order. */
export declare function rules(): RuleDoc[];

/** Test only: makes the checker panic, to test recovery. Do not use. */
export declare function __panicForTest(which?: 'checker'): void;
/** Test only: makes the document readers panic, to test recovery. Do not use. */
export declare function __panicForTest(which: 'formats'): Promise<void>;
