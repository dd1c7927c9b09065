// The entry of the npm package `yasno`: the typed API over the raw
// wasm-bindgen exports of three modules: the checker (yasno_wasm.js), the
// document readers (yasno_formats.js, loaded on the first extractText) and
// the TOML reader of custom dictionaries (yasno_dictionaries.js, loaded on
// the first parseDictionary).
// It parses the JSON the checker returns, checks arguments, and recovers
// after a panic in the Rust core: a panic traps the WebAssembly instance and
// leaves it unusable, so the failing call throws an `Error` and the instance
// is re-created from the already compiled module; every Checker rebuilds
// itself with its options on its next call.

import rawInit, * as raw from './yasno_wasm.js';

/** The package version, equal to the version of the Rust crate. */
export const version = '__YASNO_VERSION__';

let loading = null;
let ready = false;
// Bumped each time the instance is re-created after a panic.
let generation = 0;
let ruleDocs = null;

async function defaultInput(file) {
  const url = new URL(file, import.meta.url);
  if (url.protocol !== 'file:') return url;
  // Node (and Deno) load the package from disk; fetch() has no file: URLs there.
  const fs = 'node:fs/promises';
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
  return readFile(url);
}

/**
 * Loads and instantiates the WebAssembly module. Call (and await) once
 * before anything else; later calls return at once.
 */
export async function init(input) {
  if (ready) return;
  if (!loading) {
    loading = (async () => {
      const moduleOrPath = input === undefined ? await defaultInput('./yasno_wasm_bg.wasm') : input;
      await rawInit({ module_or_path: moduleOrPath });
      checkVersion();
      ready = true;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  await loading;
}

export default init;

/** Instantiates synchronously from the bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  if (ready) return;
  raw.initSync({ module });
  checkVersion();
  ready = true;
}

function checkVersion() {
  const wasmVersion = raw.version();
  if (wasmVersion !== version) {
    throw new Error(`yasno: the .wasm file is version ${wasmVersion}, the JavaScript is ${version}`);
  }
}

function assertReady() {
  if (!ready) throw new Error('yasno: call `await init()` before using the checker');
}

function isTrap(e) {
  return e instanceof WebAssembly.RuntimeError || (e instanceof Error && e.name === 'YasnoPanic');
}

// Runs a call into the module; after a panic re-creates the instance and
// throws a plain Error for this call.
function guarded(call, module = raw) {
  try {
    return call();
  } catch (e) {
    if (!isTrap(e)) throw e;
    module.__wbg_reset_state();
    if (module === raw) generation++;
    const message = e.name === 'YasnoPanic' ? e.message : `yasno: internal error: ${e.message}`;
    throw new Error(`${message} (the checker has been restarted; later calls work)`, { cause: e });
  }
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A configured checker. Build it once, check many texts. */
export class Checker {
  #json;
  #raw = null;
  #generation = -1;

  constructor(options = {}) {
    assertReady();
    if (options === undefined || options === null) options = {};
    if (!isPlainObject(options)) {
      throw new TypeError('yasno: options must be an object, e.g. { profile: "letter" }');
    }
    try {
      this.#json = JSON.stringify(options);
    } catch (e) {
      throw new TypeError(`yasno: options must be plain JSON data: ${e.message}`);
    }
    for (const d of Array.isArray(options.dictionaries) ? options.dictionaries : []) {
      // The checker module reads dictionaries as JSON; TOML goes through
      // parseDictionary and a module of its own (src/wasm.rs).
      if (isPlainObject(d) && typeof d.source === 'string' && !d.source.trimStart().startsWith('{')) {
        throw new Error(
          `yasno: dictionary ${d.name}: pass TOML through \`await parseDictionary(source, name)\`, ` +
            'which returns the dictionary to put in `options.dictionaries`',
        );
      }
    }
    this.#live();
  }

  #live() {
    if (this.#generation !== generation || this.#raw === null) {
      const json = this.#json;
      this.#raw = guarded(() => new raw.RawChecker(json));
      this.#generation = generation;
    }
    return this.#raw;
  }

  /** The options the checker was built with (a copy). */
  get options() {
    return JSON.parse(this.#json);
  }

  /** Checks a text. Offsets in the report are UTF-16 code units of `text`. */
  check(text) {
    assertReady();
    if (typeof text !== 'string') throw new TypeError('yasno: check(text) expects a string');
    // The module sends each distinct message and explanation once, and no
    // finding's text: it is the checked string's own slice (src/wasm.rs).
    // (A lone surrogate reaches the core as U+FFFD, of the same length in
    // UTF-16: the slice keeps `text.slice(start, end) === finding.text` true.)
    const { report, strings } = JSON.parse(guarded(() => this.#live().check(text)));
    for (const f of report.findings) {
      f.text = text.slice(f.start, f.end);
      f.message = strings[+f.message];
      f.explanation = strings[+f.explanation];
    }
    return report;
  }

  /**
   * Applies edits (offsets in UTF-16 code units of `text`) and returns the
   * new text. Edits overlapping an earlier one, or with an offset outside
   * the text or inside a surrogate pair, are skipped.
   */
  applyEdits(text, edits) {
    return applyEdits(text, edits);
  }

  /** Frees the memory of the checker now instead of at garbage collection. */
  free() {
    if (this.#raw !== null && this.#generation === generation) this.#raw.free();
    this.#raw = null;
  }
}

if (typeof Symbol.dispose === 'symbol') Checker.prototype[Symbol.dispose] = Checker.prototype.free;

/** Applies edits to a text; see `Checker.applyEdits`. */
export function applyEdits(text, edits) {
  assertReady();
  if (typeof text !== 'string') throw new TypeError('yasno: applyEdits(text, edits) expects a string text');
  if (!Array.isArray(edits)) throw new TypeError('yasno: applyEdits(text, edits) expects an array of edits');
  const json = JSON.stringify(edits);
  return guarded(() => raw.applyEdits(text, json));
}

// The modules loaded on demand: the document readers and the TOML reader
// of custom dictionaries. Each is a promise of the initialised module.
const lazy = { formats: null, dictionaries: null };

function initLazy(name, input) {
  if (!lazy[name]) {
    lazy[name] = (async () => {
      // Literal specifiers, so that bundlers see both modules.
      const module = await (name === 'formats' ? import('./yasno_formats.js') : import('./yasno_dictionaries.js'));
      const moduleOrPath = input === undefined ? await defaultInput(`./yasno_${name}_bg.wasm`) : input;
      await module.default({ module_or_path: moduleOrPath });
      return module;
    })();
    lazy[name].catch(() => {
      lazy[name] = null;
    });
  }
  return lazy[name];
}

/**
 * Loads the document readers (yasno_formats_bg.wasm); `extractText` does it
 * on its first call. `input` is as for `init`.
 */
export function initFormats(input) {
  return initLazy('formats', input).then(() => undefined);
}

/**
 * Loads the TOML reader of custom dictionaries (yasno_dictionaries_bg.wasm);
 * `parseDictionary` does it on its first call. `input` is as for `init`.
 */
export function initDictionaries(input) {
  return initLazy('dictionaries', input).then(() => undefined);
}

/**
 * The text a person reads in a document: `.txt`, `.md`, `.html`, `.docx`,
 * `.odt` (the format is taken from `fileName`; plain UTF-8 text otherwise).
 * Does not need `init()`.
 */
export async function extractText(bytes, fileName) {
  if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
  if (!(bytes instanceof Uint8Array)) throw new TypeError('yasno: extractText(bytes, fileName) expects a Uint8Array');
  if (typeof fileName !== 'string') throw new TypeError('yasno: extractText(bytes, fileName) expects a file name');
  const module = await initLazy('formats');
  return guarded(() => module.extractText(bytes, fileName), module);
}

/**
 * Reads a dictionary in the TOML format of the built-in `dictionaries/*.toml`
 * and returns it, validated, as a `Dictionary` for `options.dictionaries`
 * (its `source` is the same dictionary as JSON). Loads the module that holds
 * the TOML reader (yasno_dictionaries_bg.wasm) on its first call. Rejects with an
 * `Error` naming the file, the line and the entry. Does not need `init()`.
 */
export async function parseDictionary(source, name = 'dictionary.toml') {
  if (typeof source !== 'string') throw new TypeError('yasno: parseDictionary(source, name) expects the TOML text');
  if (typeof name !== 'string') throw new TypeError('yasno: parseDictionary(source, name) expects a string name');
  const module = await initLazy('dictionaries');
  return { name, source: guarded(() => module.parseDictionary(source, name), module) };
}

/** The docs of every rule, in id order. */
export function rules() {
  assertReady();
  if (ruleDocs === null) ruleDocs = JSON.parse(guarded(() => raw.rules()));
  return structuredClone(ruleDocs);
}

/**
 * Test only: makes the checker module (or, with 'formats', the readers
 * module, asynchronously) panic, to test recovery. Do not use.
 */
export function __panicForTest(which = 'checker') {
  if (which === 'formats') {
    return initLazy('formats').then((module) => guarded(() => module.__panicForTest(), module));
  }
  assertReady();
  guarded(() => raw.__panicForTest());
}
