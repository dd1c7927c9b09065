// Starts the checking worker while the page is still loading, compiles the
// WebAssembly module for it in parallel with its scripts, and hands it the
// tab's saved draft at once: the first check of a restored draft starts
// before the page's own modules have loaded.
// Messages that arrive before the page is ready are kept for it.
// (A classic script: it runs before the module scripts are evaluated.)
(function boot() {
  var PROFILES = ["auto", "letter", "refusal", "notice", "template"];
  if (self.performance && performance.mark) performance.mark("yasno:boot");
  try {
    var worker = new Worker("dist/worker.js", { type: "module" });
    var early = [];
    var keep = function (e) {
      early.push(e);
    };
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    // The draft the page will restore (app.js reads the same keys).
    var request = null;
    try {
      var draft = sessionStorage.getItem("yasno.draft") || "";
      var profile = sessionStorage.getItem("yasno.profile") || "auto";
      if (PROFILES.indexOf(profile) < 0) profile = "auto";
      if (draft) {
        request = { id: 0, text: draft, profile: profile };
        worker.postMessage({ type: "check", id: 0, text: draft, profile: profile });
      }
    } catch (err) {
      request = null; // no storage: the page starts empty
    }
    // Fetch and compile the WebAssembly module here, in parallel with the
    // worker loading its scripts, and hand the compiled module over to it
    // (undefined: the worker loads the module itself and reports a failure).
    var handOver = function (module) {
      worker.postMessage({ type: "module", module: module });
    };
    var compiling = null;
    try {
      if (typeof WebAssembly === "object" && WebAssembly.compileStreaming) {
        compiling = WebAssembly.compileStreaming(fetch("pkg/yasno_wasm_bg.wasm"));
      }
    } catch (err) {
      compiling = null;
    }
    if (compiling) {
      compiling.then(handOver, function () {
        handOver(undefined);
      });
    } else {
      handOver(undefined);
    }
    self.yasnoBoot = {
      worker: worker,
      /**
       * Hands the worker, the messages so far and the check already asked
       * for (id 0, or null) to the page.
       */
      take: function () {
        worker.removeEventListener("message", keep);
        worker.removeEventListener("error", keep);
        return { worker: worker, early: early.splice(0), request: request };
      },
    };
  } catch (err) {
    self.yasnoBoot = null;
  }
})();
