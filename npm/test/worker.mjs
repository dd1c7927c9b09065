// Test worker: checks the text it is sent with the package and posts the report.
import init, { Checker } from '/pkg/index.js';

const ready = init();
self.onmessage = async (event) => {
  try {
    await ready;
    self.postMessage({ report: new Checker(event.data.options).check(event.data.text) });
  } catch (e) {
    self.postMessage({ error: String(e) });
  }
};
