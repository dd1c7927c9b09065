// End-to-end tests of the web page in headless Chromium (`make test-web`).
// Each test drives the real page served from www/ with the real WebAssembly
// package and checks real official Russian documents from the corpus.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, describe, test } from "node:test";

import { makeDocx } from "./docx.mjs";
import {
  ARTIFACTS,
  corpusText,
  launch,
  openPage,
  paste,
  serve,
  serveSeeded,
  userFirstVisit,
  waitChecked,
} from "./harness.mjs";

let server;
let chrome;
let current; // {page, requests, problems, context} of the running test

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve();
  chrome = await launch();
});

after(async () => {
  await chrome?.close();
  server?.stop();
});

async function open(opts) {
  current = await openPage(chrome.browser, server.url, opts);
  return current.page;
}

// Every test: nothing left the origin, nothing was logged as an error.
afterEach(async () => {
  if (!current) return;
  const { requests, problems, context } = current;
  current = null;
  await context.close();
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, [], "requests that left the origin");
  assert.deepEqual(problems, [], "console errors, warnings or page errors");
});

const value = (page) => page.$eval("#text", (t) => t.value);
const markTexts = (page) => page.$$eval("#backdrop mark", (ms) => ms.map((m) => m.textContent));

/** The finding card whose quoted phrase or message contains `phrase`. */
const card = (page, phrase) => page.locator(".finding", { hasText: phrase }).first();

describe("editor", () => {
  test("a pasted real letter gets highlights, and a known jargon phrase is highlighted", async () => {
    const page = await open();
    const doc = corpusText("002-");
    await paste(page, { text: doc });
    await waitChecked(page);
    assert.equal(await value(page), doc);
    // «в настоящее время» is officialese with a one-word fix («сейчас»).
    const jargon = await page.$$eval("#backdrop mark.cat-jargon", (ms) => ms.map((m) => m.textContent));
    assert.ok(jargon.includes("в настоящее время"), `jargon marks: ${JSON.stringify(jargon)}`);
    // The marks sit exactly over the text they mark.
    const aligned = await page.evaluate(() => {
      const lines = document.getElementById("text").value.split("\n");
      const els = document.querySelectorAll("#backdrop > .ln");
      if (els.length !== lines.length) return false;
      return [...els].every((el, i) =>
        [...el.querySelectorAll("mark")].every((m) => lines[i].slice(+m.dataset.s, +m.dataset.e) === m.textContent),
      );
    });
    assert.ok(aligned, "every mark covers the text it marks, line by line");
    const n = await page.locator(".finding").count();
    assert.equal(await page.textContent("#findings-count"), String(n));
    assert.ok(n >= 3, `findings: ${n}`);
  });

  test("Ctrl+V of a real letter from the clipboard: highlighted, one undo step", async () => {
    const page = await open();
    const doc = corpusText("002-");
    await page.evaluate((t) => navigator.clipboard.writeText(t), doc);
    await page.focus("#text");
    // Record the page's states: the check may finish before the next
    // round trip to the page, so «checking» is looked for in the record.
    await page.evaluate(() => {
      const root = document.documentElement;
      self.yasnoStates = [];
      new MutationObserver(() => self.yasnoStates.push(root.dataset.state)).observe(root, {
        attributes: true,
        attributeFilter: ["data-state"],
      });
    });
    await page.keyboard.press("Control+V");
    await page.waitForFunction(() => self.yasnoStates.includes("checking"));
    await waitChecked(page);
    assert.equal(await value(page), doc);
    assert.ok((await markTexts(page)).includes("в настоящее время"));
    await page.keyboard.press("Control+z");
    assert.equal(await value(page), "");
  });

  test("the backdrop wraps exactly like the textarea on a long document", async () => {
    for (const width of [1366, 375]) {
      const page = await open({ width, height: 900 });
      await paste(page, { text: corpusText("053-") });
      await waitChecked(page);
      const h = await page.evaluate(() => {
        const ta = document.getElementById("text");
        const bd = document.getElementById("backdrop");
        return { ta: ta.scrollHeight, bd: bd.scrollHeight, top: ta.scrollTop, box: ta.clientHeight };
      });
      assert.ok(Math.abs(h.ta - h.bd) <= 1, `${width}px: textarea ${h.ta}px vs backdrop ${h.bd}px`);
      assert.equal(h.top, 0, "the textarea itself never scrolls");
      await current.context.close();
      current = null;
    }
  });

  test("typing fast loses no keystroke and keeps the caret while checks arrive", async () => {
    const page = await open();
    const doc = corpusText("002-");
    await paste(page, { text: doc });
    await waitChecked(page);
    const at = doc.indexOf("Дополнительно сообщаем");
    assert.ok(at > 0);
    await page.$eval("#text", (t, at) => t.setSelectionRange(at, at), at);
    const typed = "Мы проверили ваше обращение ещё раз и в настоящее время ответим подробно. ";
    await page.keyboard.type(typed, { delay: 15 }); // re-checks run while typing
    await waitChecked(page);
    assert.equal(await value(page), doc.slice(0, at) + typed + doc.slice(at));
    const caret = await page.$eval("#text", (t) => [t.selectionStart, t.selectionEnd]);
    assert.deepEqual(caret, [at + typed.length, at + typed.length]);
    // The new phrase is checked too.
    const marks = await page.$$eval("#backdrop mark.cat-jargon", (ms) => ms.map((m) => m.textContent));
    assert.equal(marks.filter((m) => m === "в настоящее время").length, 2);
  });

  test("«Исправить» applies the edit, and undo and redo work", async () => {
    const page = await open();
    const doc = corpusText("002-");
    await paste(page, { text: doc });
    await waitChecked(page);
    const c = card(page, "в настоящее время");
    await c.getByRole("button", { name: "Исправить", exact: true }).click();
    const fixed = await value(page);
    assert.equal(fixed, doc.replace("в настоящее время", "сейчас"));
    await waitChecked(page);
    assert.ok(!(await markTexts(page)).includes("в настоящее время"));

    await page.focus("#text");
    await page.keyboard.press("Control+z");
    assert.equal(await value(page), doc, "undo restores the text");
    await page.keyboard.press("Control+Shift+z");
    assert.equal(await value(page), fixed, "redo applies the fix again");
  });

  test("«Исправить все такие» fixes every safe instance of the same phrase", async () => {
    const page = await open();
    const text =
      "Заявление отклонено по причине отсутствия паспорта.\n\n" +
      "Выплата задержана по причине ошибки в реквизитах.\n\n" +
      "Приём перенесён по причине ремонта помещения.";
    await paste(page, { text });
    await waitChecked(page);
    const c = card(page, "по причине");
    const all = c.getByRole("button", { name: /Исправить все такие \(3\)/ });
    await all.click();
    assert.equal(await value(page), text.replaceAll("по причине", "из-за"));
    await waitChecked(page);
    assert.equal(await page.locator(".finding", { hasText: "по причине" }).count(), 0);
    await page.focus("#text");
    await page.keyboard.press("Control+z");
    assert.equal(await value(page), text, "one undo step restores all of them");
  });

  test("«Пропустить» hides a finding while the text around it stays the same", async () => {
    const page = await open();
    const doc = corpusText("002-");
    await paste(page, { text: doc });
    await waitChecked(page);
    const before = await page.locator(".finding").count();
    const phrase = "«в настоящее время»";
    const cards = () => page.locator(".finding", { has: page.locator(".finding__message", { hasText: phrase }) });
    assert.equal(await cards().count(), 1);
    await cards().getByRole("button", { name: /Пропустить/ }).click();
    assert.equal(await page.locator(".finding").count(), before - 1);
    assert.equal(await cards().count(), 0);
    assert.ok(!(await markTexts(page)).includes("в настоящее время"));
    // An edit far away keeps it hidden.
    await page.$eval("#text", (t) => t.setSelectionRange(0, 0));
    await page.keyboard.type("Черновик. ");
    await waitChecked(page);
    assert.equal(await page.locator(".finding").count(), before - 1);
    assert.equal(await cards().count(), 0);
    // «Вернуть пропущенные» brings it back.
    await page.getByRole("button", { name: "Вернуть пропущенные" }).click();
    assert.equal(await cards().count(), 1);
    // Changing the words right around it brings it back too.
    await cards().getByRole("button", { name: /Пропустить/ }).click();
    assert.equal(await cards().count(), 0);
    const at = (await value(page)).indexOf("в настоящее время");
    await page.$eval("#text", (t, at) => t.setSelectionRange(at - 1, at - 1), at);
    await page.keyboard.type(" именно");
    await waitChecked(page);
    assert.equal(await cards().count(), 1);
    assert.ok((await markTexts(page)).includes("в настоящее время"));
  });

  test("pasted HTML keeps paragraphs and never becomes live markup", async () => {
    const page = await open();
    const html =
      '<html><head><style>p{color:red}</style><script>window.__pwned = "script"</script></head><body>' +
      '<!--StartFragment--><p class="MsoNormal">В связи с ремонтом приём <b>временно</b> не ведётся.<o:p></o:p></p>' +
      '<p class="MsoNormal">&nbsp;</p>' +
      '<p class="MsoNormal">Обращаем Ваше внимание<br>на новый адрес.</p>' +
      '<img src="x" onerror="window.__pwned = \'img\'">' +
      '<svg><script>window.__pwned = "svg"</script></svg>' +
      '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>' +
      '<p><a href="javascript:window.__pwned=1" onmouseover="window.__pwned=2">Ссылка</a></p><!--EndFragment--></body></html>';
    await paste(page, { html, text: "plain fallback" });
    await waitChecked(page);
    assert.equal(
      await value(page),
      "В связи с ремонтом приём временно не ведётся.\n\nОбращаем Ваше внимание\nна новый адрес.\n\nСсылка",
    );
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator("img, iframe, main svg script").count(), 0);
    // Markup typed as text is shown as text in the highlight layer.
    await page.$eval("#text", (t) => t.setSelectionRange(t.value.length, t.value.length));
    await paste(page, { text: "\n\n<img src=x onerror=\"window.__pwned='typed'\"> В связи с этим." });
    await waitChecked(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator("#backdrop img, #backdrop *:not(mark, div.ln, br)").count(), 0);
    assert.ok((await page.textContent("#backdrop")).includes("<img src=x onerror="));
    assert.ok(current.requests.every((u) => !u.endsWith("/x")), "the image was never requested");
  });

  test("keyboard: arrows move through findings, Enter selects the span in the text", async () => {
    const page = await open();
    await paste(page, { text: corpusText("002-") });
    await waitChecked(page);
    await page.locator(".finding").first().focus();
    await page.keyboard.press("ArrowDown");
    const second = await page.evaluate(() => document.activeElement.dataset.uid);
    const uids = await page.$$eval(".finding", (cs) => cs.map((c) => c.dataset.uid));
    assert.equal(second, uids[1]);
    const quoted = await page.evaluate(() => document.activeElement.textContent);
    await page.keyboard.press("Enter");
    const sel = await page.evaluate(() => {
      const t = document.getElementById("text");
      return { focused: document.activeElement === t, text: t.value.slice(t.selectionStart, t.selectionEnd) };
    });
    assert.ok(sel.focused, "focus moved to the editor");
    assert.ok(sel.text.length > 0);
    assert.ok(quoted.includes(sel.text.slice(0, 20).replace(/\s+/g, " ")), `${sel.text} in ${quoted}`);
    // Alt+↓ in the editor goes to the next finding.
    await page.keyboard.press("Alt+ArrowDown");
    const next = await page.evaluate(() => {
      const t = document.getElementById("text");
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
    assert.ok(next.length > 0 && next !== sel.text);
  });

  test("clicking a finding selects its span in the editor", async () => {
    const page = await open();
    await paste(page, { text: corpusText("002-") });
    await waitChecked(page);
    await card(page, "в настоящее время").locator(".finding__message").click();
    const sel = await page.$eval("#text", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(sel, "в настоящее время");
    assert.equal(await page.locator("#backdrop mark.is-active").first().textContent(), "в настоящее время");
  });
});

describe("document panel", () => {
  test("score, readability in words and counts", async () => {
    const page = await open();
    await paste(page, { text: corpusText("002-") });
    await waitChecked(page);
    const score = Number((await page.textContent("#score-number")).replace(",", "."));
    assert.ok(score >= 0 && score <= 10, `score ${score}`);
    assert.equal(await page.getAttribute("#score", "aria-valuenow"), String(score));
    assert.match(await page.textContent("#m-level"), /^Понятно /);
    assert.match(await page.textContent("#m-ease"), /читать$/);
    const words = Number((await page.textContent("#m-words")).replace(/\s/g, ""));
    assert.ok(words > 100 && words < 400, `words ${words}`);
    assert.match(await page.textContent("#m-time"), /минут|секунд/);
    assert.match(await page.textContent("#kind-note"), /письмо/);
  });

  test("«Отказ» shows the checklist of required elements", async () => {
    const page = await open();
    // A refusal from the corpus: a court decision declining a complaint.
    await paste(page, { text: corpusText("053-") });
    await waitChecked(page);
    await page.selectOption("#profile", "refusal");
    await waitChecked(page);
    await page.locator("#checklist").waitFor({ state: "visible" });
    const keys = await page.$$eval(".checklist__item", (li) => li.map((l) => l.dataset.key));
    for (const k of ["reason", "next_step", "deadline", "appeal", "contacts"]) assert.ok(keys.includes(k), k);
    const states = await page.$$eval(".checklist__item", (li) => li.map((l) => l.className));
    assert.ok(states.every((c) => /is-present|is-missing/.test(c)));
    await page.locator(".doc-panel").screenshot({ path: join(ARTIFACTS, "doc-panel-refusal.png") });
  });

  test("the document type changes the checks", async () => {
    const page = await open();
    const text = "Уважаемый {{ФИО}}!\n\nВаше заявление от {{дата}} рассмотрено. Решение: {{решение}}.";
    await paste(page, { text });
    await waitChecked(page);
    await page.selectOption("#profile", "letter");
    await waitChecked(page);
    assert.match(await page.textContent("#kind-note"), /настроены/);
    await page.selectOption("#profile", "auto");
    await waitChecked(page);
    assert.match(await page.textContent("#kind-note"), /шаблон/);
  });
});

describe("files", () => {
  test("opens a .txt file through the file picker", async () => {
    const page = await open();
    const doc = corpusText("007-");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Открыть файл" }).click();
    await (await chooser).setFiles({ name: "письмо.txt", mimeType: "text/plain", buffer: Buffer.from(doc.replace(/\n/g, "\r\n")) });
    // The file is read asynchronously; once its text is in, the page is checking it.
    await page.waitForFunction((doc) => document.getElementById("text").value === doc, doc);
    await waitChecked(page);
    assert.ok((await page.locator("#backdrop mark").count()) > 0);
  });

  test("opens a Windows-1251 .txt file by drag and drop", async () => {
    const page = await open();
    const text = "В целях обеспечения безопасности установлен светофор.";
    // Encode as Windows-1251 in the page (node has no encoder for it).
    await page.evaluate(async (text) => {
      const table = new TextDecoder("windows-1251");
      const map = new Map();
      for (let b = 0; b < 256; b++) map.set(table.decode(new Uint8Array([b])), b);
      const bytes = Uint8Array.from([...text].map((c) => map.get(c)));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], "otvet.txt", { type: "text/plain" }));
      const wrap = document.getElementById("editor-wrap");
      for (const type of ["dragenter", "dragover", "drop"]) {
        wrap.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, text);
    await page.waitForFunction((t) => document.getElementById("text").value === t, text);
    await waitChecked(page);
    assert.ok((await markTexts(page)).some((m) => m.startsWith("В целях")), "«В целях» is highlighted");
  });

  test("opens a .docx file and extracts its text in the browser", async () => {
    const page = await open();
    const doc = corpusText("002-");
    const paragraphs = doc.split(/\n\s*\n/).map((p) => p.replace(/\n/g, " ").trim()).filter(Boolean);
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Открыть файл" }).click();
    await (await chooser).setFiles({
      name: "otvet.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: makeDocx(paragraphs),
    });
    await page.waitForFunction(() => document.getElementById("text").value.length > 0);
    await waitChecked(page);
    const text = await value(page);
    for (const p of paragraphs) assert.ok(text.includes(p), `missing paragraph: ${p.slice(0, 40)}`);
    assert.ok((await markTexts(page)).includes("в настоящее время"));
  });

  test("copies the corrected text", async () => {
    const page = await open();
    await paste(page, { text: "Работы будут выполнены в настоящее время." });
    await waitChecked(page);
    await card(page, "в настоящее время").getByRole("button", { name: "Исправить", exact: true }).click();
    await page.getByRole("button", { name: "Копировать текст" }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Работы будут выполнены сейчас.");
  });

  test("downloads an HTML report and a JSON report", async () => {
    const page = await open();
    const doc = corpusText("002-");
    await paste(page, { text: doc });
    await waitChecked(page);
    const n = await page.locator(".finding").count();

    await page.getByRole("button", { name: "Скачать отчёт" }).click();
    let dl = page.waitForEvent("download");
    await page.getByRole("button", { name: /^HTML/ }).click();
    const htmlPath = join(ARTIFACTS, "report.html");
    await (await dl).saveAs(htmlPath);
    const html = readFileSync(htmlPath, "utf8");
    assert.match(html, /Отчёт о проверке текста/);
    assert.match(html, /Канцелярское слово «в настоящее время»/);
    assert.match(html, /<mark class="cat-jargon">в настоящее время<\/mark>/);
    assert.ok(!/<script/i.test(html));

    await page.getByRole("button", { name: "Скачать отчёт" }).click();
    dl = page.waitForEvent("download");
    await page.getByRole("button", { name: /^JSON/ }).click();
    const json = JSON.parse(readFileSync(await (await dl).path(), "utf8"));
    assert.equal(json.text, doc);
    assert.equal(json.findings.length, n);
    for (const f of json.findings) assert.equal(doc.slice(f.start, f.end), f.text);
    assert.ok(json.metrics.words > 0 && json.score >= 0 && json.score <= 10);

    // The report prints: render it to PDF-like print media and look at it.
    const report = await current.context.newPage();
    await report.goto(`file://${htmlPath}`);
    await report.emulateMedia({ media: "print" });
    await report.screenshot({ path: join(ARTIFACTS, "report-print.png"), fullPage: false });
    await report.close();
  });
});

describe("privacy", () => {
  test("the Content-Security-Policy blocks inline script and every other origin", async () => {
    const page = await open();
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1";
      document.body.append(s);
      let fetched = "no";
      try {
        await fetch("https://example.org/x");
        fetched = "yes";
      } catch {
        // blocked
      }
      const img = new Image();
      const loaded = new Promise((ok) => {
        img.onload = () => ok("loaded");
        img.onerror = () => ok("blocked");
      });
      img.src = "https://example.org/x.png";
      const imgState = await loaded;
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = "https://example.org/x.css";
      document.head.append(style);
      await new Promise((ok) => setTimeout(ok, 200));
      return { inline: window.__inline, fetched, img: imgState, violations: [...new Set(violations)].sort() };
    });
    assert.equal(result.inline, undefined, "inline script did not run");
    assert.equal(result.fetched, "no");
    assert.equal(result.img, "blocked");
    assert.deepEqual(result.violations, ["connect-src", "img-src", "script-src-elem", "style-src-elem"]);
    // Chromium reports each blocked attempt on the console; those are expected here.
    const { problems, requests, failed } = current;
    assert.ok(problems.length > 0 && problems.every((p) => /Content Security Policy/.test(p)), problems.join("\n"));
    problems.length = 0;
    // Chromium announces the image and the style sheet, then blocks them (reason «csp») before they leave.
    const foreign = requests.filter((u) => u.startsWith("https://example.org/"));
    assert.deepEqual(failed.filter((f) => f.startsWith("https://example.org/")).sort(), foreign.map((u) => `${u} csp`).sort());
    requests.splice(0, requests.length, ...requests.filter((u) => !foreign.includes(u)));
  });
});

describe("loading", () => {
  test("a restored draft is checked on reload once, with the module the page compiled for the worker", async () => {
    const page = await open();
    const doc = corpusText("024-");
    await page.evaluate((t) => sessionStorage.setItem("yasno.draft", t), doc);
    current.requests.length = 0;
    await page.reload();
    await waitChecked(page);
    assert.equal(await value(page), doc);
    // boot.js sent the draft before app.js ran; app.js waited for that report.
    assert.equal(await page.evaluate(() => performance.getEntriesByName("yasno:check").length), 1);
    assert.ok((await markTexts(page)).includes("исходя из"), `marks: ${JSON.stringify(await markTexts(page))}`);
    assert.ok((await page.locator(".finding").count()) > 0);
    // Fetched once, by the page; the worker got the compiled module.
    const wasm = current.requests.filter((u) => u.endsWith("/yasno_wasm_bg.wasm"));
    assert.equal(wasm.length, 1, wasm.join("\n"));
  });

  test("a first visit in a new browser with nothing attached restores the draft and highlights it", async () => {
    // How the bench's target figure is taken (userFirstVisit): no DevTools
    // client while the page loads, an empty profile.
    const doc = corpusText("024-");
    const seeded = await serveSeeded(doc);
    try {
      const visit = await userFirstVisit(seeded, 1500);
      try {
        const { page } = visit;
        await waitChecked(page);
        assert.equal(await value(page), doc);
        assert.ok((await markTexts(page)).includes("исходя из"), `marks: ${JSON.stringify(await markTexts(page))}`);
        assert.equal(await page.evaluate(() => performance.getEntriesByName("yasno:first-highlights").length), 1);
        for (const path of ["/dist/boot.js", "/dist/app.js", "/dist/worker.js", "/pkg/yasno_wasm_bg.wasm"]) {
          assert.ok(visit.requested.includes(path), `${path} not in ${visit.requested}`);
        }
      } finally {
        await visit.close();
      }
    } finally {
      seeded.stop();
    }
  });

  test("the page runs its bundled scripts from www/dist/", async () => {
    await open();
    const scripts = current.requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".js"));
    assert.deepEqual(scripts.sort(), ["/dist/app.js", "/dist/boot.js", "/dist/worker.js"]);
  });

  test("without boot.js the page starts the worker, which loads the module itself", async () => {
    // app.js starts the worker; the worker fetches and compiles the module
    // from pkg/ (its URL relative to the bundle in dist/).
    current = await openPage(chrome.browser, server.url, {
      route: { url: "**/dist/boot.js", handler: (r) => r.fulfill({ status: 404, body: "" }) },
    });
    const { page } = current;
    await paste(page, { text: corpusText("024-") });
    await waitChecked(page);
    assert.ok((await markTexts(page)).includes("исходя из"), `marks: ${JSON.stringify(await markTexts(page))}`);
    const wasm = current.requests.filter((u) => u.endsWith("/yasno_wasm_bg.wasm"));
    assert.deepEqual(wasm.map((u) => new URL(u).pathname), ["/pkg/yasno_wasm_bg.wasm"]);
    // The refused boot.js is the only problem on the console.
    assert.ok(current.problems.every((p) => /404|Failed to load resource/.test(p)), current.problems.join("\n"));
    current.problems.length = 0;
  });

  test("a long restored draft: the highlights in view come first, all of them right after", async () => {
    const page = await open();
    const doc = ["001-", "002-", "003-", "004-", "005-", "006-", "007-", "008-"].map((p) => corpusText(p).trim()).join("\n\n");
    await page.evaluate((t) => sessionStorage.setItem("yasno.draft", t), doc);
    await page.reload();
    await waitChecked(page);
    // Marks well below the first screen too.
    const lowest = await page.$$eval("#backdrop mark", (ms) => Math.max(...ms.map((m) => m.getBoundingClientRect().top)));
    assert.ok(lowest > 3 * (await page.evaluate(() => window.innerHeight)), `the lowest mark at ${lowest}px`);
    const marks = await markTexts(page);
    // A full render (selecting a finding repaints every line) shows the same marks.
    await page.locator(".finding").last().locator(".finding__message").click();
    assert.deepEqual(await markTexts(page), marks);
    const aligned = await page.evaluate(() => {
      const lines = document.getElementById("text").value.split("\n");
      const els = document.querySelectorAll("#backdrop > .ln");
      return els.length === lines.length && [...els].every((el, i) => el.textContent === lines[i] || (lines[i] === "" && el.textContent === ""));
    });
    assert.ok(aligned, "the backdrop mirrors the text line by line");
  });
});

describe("robustness", () => {
  test("without its WebAssembly module the page says so and the editor still works", async () => {
    current = await openPage(chrome.browser, server.url, {
      waitReady: false,
      route: { url: "**/yasno_wasm_bg.wasm", handler: (r) => r.fulfill({ status: 404, body: "" }) },
    });
    const { page, problems } = current;
    const banner = page.locator("#banner");
    await banner.waitFor({ state: "visible" });
    assert.match(await banner.textContent(), /Не удалось запустить проверку.*Обновите страницу/);
    assert.match(await banner.getAttribute("title"), /404/);
    await page.focus("#text");
    await page.keyboard.type("Текст можно набирать.");
    assert.equal(await value(page), "Текст можно набирать.");
    // The failed download is on the console; nothing else is.
    assert.ok(problems.every((p) => /404|Failed to load resource/.test(p)), problems.join("\n"));
    problems.length = 0;
  });

  test("a panic in the core shows an error, keeps the text, and the next check works", async () => {
    const page = await open();
    // Make the worker's package panic (the real trap and module restart of
    // the package, via its test hook) on a check of a text with a marker.
    const [worker] = page.workers();
    await worker.evaluate(() => {
      const yasno = self.yasnoPackage;
      const check = yasno.Checker.prototype.check;
      yasno.Checker.prototype.check = function (text) {
        if (text.includes("\u2620")) yasno.__panicForTest();
        return check.call(this, text);
      };
    });
    const doc = corpusText("002-");
    await paste(page, { text: doc });
    await waitChecked(page);
    const before = await markTexts(page);
    assert.ok(before.includes("в настоящее время"));

    await page.$eval("#text", (t) => t.setSelectionRange(t.value.length, t.value.length));
    await page.keyboard.type("\u2620");
    await page.waitForFunction(() => document.documentElement.dataset.state === "failed");
    const banner = page.locator("#banner");
    assert.ok(await banner.isVisible());
    assert.match(await banner.textContent(), /Не удалось проверить текст/);
    assert.match(await banner.getAttribute("title"), /panic/);
    assert.equal(await value(page), `${doc}\u2620`, "the text is intact");
    assert.deepEqual(await markTexts(page), before, "the last highlights stay");
    assert.deepEqual(await page.evaluate(contrastProblems), [], "the error is readable (WCAG AA)");
    await page.screenshot({ path: join(ARTIFACTS, "page-after-panic.png") });

    // The editor keeps working: the next edit is checked by the restarted module.
    await page.keyboard.press("Backspace");
    await page.keyboard.type(" Работы в настоящее время не ведутся.");
    await waitChecked(page);
    assert.ok(!(await banner.isVisible()), "the error goes away after a good check");
    const marks = await markTexts(page);
    assert.equal(marks.filter((m) => m === "в настоящее время").length, 2);
    // Checkers of other document types work after the restart too.
    await page.selectOption("#profile", "refusal");
    await waitChecked(page);
    await page.locator("#checklist").waitFor({ state: "visible" });
  });
});

describe("accessibility and layout", () => {
  for (const [name, width, height] of [
    ["desktop", 1366, 900],
    ["mobile-375", 375, 812],
  ]) {
    test(`${name}: no horizontal scroll, WCAG AA text contrast, screenshots`, async () => {
      const page = await open({ width, height });
      await paste(page, { text: corpusText("002-") });
      await waitChecked(page);
      await page.locator(".finding").nth(1).locator(".finding__message").click();
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        document.querySelector(".side").scrollTop = 0;
      });
      await page.screenshot({ path: join(ARTIFACTS, `page-${name}.png`) });
      // Finding cards have `content-visibility: auto`: a full-page shot does
      // not scroll, so it would show off-screen cards empty. Render them all.
      await page.$$eval(".finding", (cards) => cards.forEach((c) => (c.style.contentVisibility = "visible")));
      await page.screenshot({ path: join(ARTIFACTS, `page-${name}-full.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);

      const low = await page.evaluate(contrastProblems);
      assert.deepEqual(low, [], "text below WCAG AA contrast");

      // Every control has a name.
      const unnamed = await page.$$eval("button, select, textarea, input:not([type=file])", (els) =>
        els.filter((e) => e.offsetParent !== null && !(e.getAttribute("aria-label") || e.labels?.length || e.textContent.trim())).map((e) => e.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(unnamed, []);
    });
  }
});

/** In the page: visible text whose contrast with its background is below WCAG AA. */
function contrastProblems() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const l of layers.reverse()) bg = blend(l, bg);
    return bg;
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || !el || el.closest("#backdrop, [hidden], .visually-hidden, option")) continue;
    if (!el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    if (st.visibility === "hidden" || Number(st.opacity) === 0) continue;
    const fg = parse(st.color);
    if (!fg || fg.a === 0) continue;
    const bg = background(el);
    const l1 = lum(blend(fg, bg));
    const l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(st.fontSize);
    const bold = Number(st.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)} «${n.data.trim().slice(0, 30)}» ${st.color} on ${JSON.stringify(bg)}`);
  }
  return out;
}
