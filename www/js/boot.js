// Starts the checking worker while the page is still loading, so that the
// WebAssembly module compiles in parallel with the page's own scripts.
// Messages that arrive before the page is ready are kept for it.
// (A classic script: it runs before the module scripts are evaluated.)
(function boot() {
  try {
    var worker = new Worker("js/worker.js", { type: "module" });
    var early = [];
    var keep = function (e) {
      early.push(e);
    };
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    self.yasnoBoot = {
      worker: worker,
      /** Hands the worker and the messages so far to the page. */
      take: function () {
        worker.removeEventListener("message", keep);
        worker.removeEventListener("error", keep);
        return { worker: worker, early: early.splice(0) };
      },
    };
  } catch (err) {
    self.yasnoBoot = null;
  }
})();
