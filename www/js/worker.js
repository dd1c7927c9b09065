// The checking worker: loads the yasno WebAssembly package once and checks
// texts off the main thread, so typing never waits for a check.
//
// Messages in:  {type: "module", module} first (a compiled WebAssembly.Module, or undefined)
//               {type: "check", id, text, profile}
//               {type: "extract", id, name, bytes}
// Messages out: {type: "ready", version, rules, ms}
//               {type: "report", id, report, ms, started} (times in ms of the worker's clock)
//               {type: "extracted", id, text} | {type: "failed", id, message}

// Served bundled with the package's JavaScript (`make www-build`: esbuild
// into www/dist/worker.js), so the worker's script and its imports are one
// request. The WebAssembly files stay in pkg/: their URLs are given here,
// relative to this script (js/ and dist/ are both beside pkg/), not left to
// the package, whose own location the bundle changes.
import * as pkg from "../pkg/index.js";
import { SAMPLE_LETTER } from "./sample.js";

const loadedAt = performance.now();
const wasmUrl = (name) => new URL(`../pkg/${name}`, import.meta.url);
/** The package, once its module is instantiated (the messages below wait for `ready`). */
let yasno = null;
// For the page's tests: the package this worker runs.
self.yasnoPackage = pkg;
const checkers = new Map();

// The page (boot.js) compiles the module while this worker loads its
// scripts and sends it as the first message: {type: "module", module}.
let handOver;
let handedAt = NaN; // when the module arrived (for the bench's timeline)
const handed = new Promise((resolve) => (handOver = resolve));

const ready = (async () => {
  // No compiled module handed over: fetch and compile it here.
  await pkg.default((await handed) ?? wasmUrl("yasno_wasm_bg.wasm"));
  yasno = pkg;
  const t1 = performance.now();
  // Build the default checker now (dictionaries compile here), not on the first keystroke.
  checkerFor("auto");
  const t2 = performance.now();
  const rules = typeof yasno.rules === "function" ? yasno.rules() : [];
  const version = typeof yasno.version === "function" ? yasno.version() : String(yasno.version || "");
  // Timings (ms since the worker started): scripts loaded, WebAssembly module
  // at hand, module instantiated, checker built; and when the worker started
  // (performance.timeOrigin).
  self.postMessage({
    type: "ready",
    version,
    rules,
    timings: { modules: loadedAt, module: handedAt, wasm: t1, checker: t2, origin: performance.timeOrigin },
  });
  // The first checks fill lazily built matching tables and cost several times
  // more than later ones: do that on a typical letter while the page waits for
  // a text. A check already waiting (a restored draft) goes first.
  setTimeout(warmUp, 0);
})();

let checked = false;
function warmUp() {
  if (checked) return;
  try {
    checkerFor("auto").check(SAMPLE_LETTER);
  } catch {
    // a failure shows on the first real check
  }
}

ready.catch((err) => {
  self.postMessage({ type: "fatal", message: String(err && err.message ? err.message : err) });
});

function checkerFor(profile) {
  let c = checkers.get(profile);
  if (!c) {
    c = new yasno.Checker({ profile });
    checkers.set(profile, c);
  }
  return c;
}

// After the first check, build the checkers of the other document types one
// per task while the worker is idle, so that switching the type is instant.
let prebuilding = false;
function prebuild() {
  if (prebuilding) return;
  prebuilding = true;
  const rest = ["letter", "refusal", "notice", "template"];
  const step = () => {
    const p = rest.shift();
    if (!p) return;
    try {
      checkerFor(p);
    } catch {
      return;
    }
    setTimeout(step, 50);
  };
  setTimeout(step, 200);
}

self.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === "module") {
    handedAt = performance.now();
    handOver(msg.module instanceof WebAssembly.Module ? msg.module : undefined);
    return;
  }
  try {
    await ready;
  } catch {
    return;
  }
  try {
    if (msg.type === "check") {
      const t = performance.now();
      const report = checkerFor(msg.profile || "auto").check(msg.text);
      self.postMessage({ type: "report", id: msg.id, report, ms: performance.now() - t, started: t });
      if (msg.text.length > 200) checked = true;
      prebuild();
    } else if (msg.type === "extract") {
      if (typeof yasno.extractText !== "function") {
        throw new Error("Эта сборка не умеет читать файлы .docx");
      }
      // The readers are a second module, loaded on first use.
      await yasno.initFormats(wasmUrl("yasno_formats_bg.wasm"));
      const text = await yasno.extractText(new Uint8Array(msg.bytes), msg.name);
      self.postMessage({ type: "extracted", id: msg.id, text });
    }
  } catch (err) {
    self.postMessage({ type: "failed", id: msg.id, request: msg.type, message: String(err && err.message ? err.message : err) });
  }
};
