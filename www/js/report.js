// Downloadable reports: a self-contained HTML page that prints well, and JSON.

import {
  CATEGORIES, KINDS, SEVERITY, capitalise, countWord, easeWords, FINDING_FORMS, num, num1, readingTime, scoreBand,
} from "./format.js";

const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ESC[c]);

const CSS = `
*{box-sizing:border-box}
body{font:15px/1.55 "PT Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;color:#1b2430;margin:0;background:#fff}
main{max-width:52rem;margin:0 auto;padding:2rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid #d5dbe3}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
.meta{color:#4d596a;margin:0 0 1.5rem}
.summary{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.75rem;margin:0}
.summary div{border:1px solid #d5dbe3;border-radius:6px;padding:.6rem .8rem}
.summary dt{color:#4d596a;font-size:.85rem}
.summary dd{margin:0;font-weight:600}
.score{font-size:1.15rem}
.checklist{list-style:none;padding:0;margin:0}
.checklist li{padding:.2rem 0}
.yes{color:#1d6b37}.no{color:#a1261d}
ol.findings{padding-left:1.5rem}
ol.findings li{margin:0 0 .9rem;break-inside:avoid}
.quote{font-family:"PT Serif",Georgia,"Times New Roman","Liberation Serif",serif;background:#f4f6f9;border-left:3px solid #8c98a8;padding:.3rem .6rem;margin:.3rem 0}
.msg{font-weight:600}
.cat{display:inline-block;font-size:.75rem;font-weight:600;border-radius:3px;padding:0 .35rem;margin-right:.4rem;background:#fff0bf}.cat-syntax{background:#ebe6ff}.cat-length{background:#e4eefa}.cat-explanation{background:#ffe3e3}
.sev{display:inline-block;font-size:.75rem;border:1px solid currentColor;border-radius:3px;padding:0 .3rem;margin-right:.4rem;color:#4d596a}
.fix ins{text-decoration:none;background:#e3f3e7;padding:0 .2rem}
.text{font-family:"PT Serif",Georgia,"Times New Roman","Liberation Serif",serif;white-space:pre-wrap;border:1px solid #d5dbe3;border-radius:6px;padding:1rem 1.25rem;line-height:1.6}
mark{background:#fff0bf;color:inherit;border-bottom:2px solid #b07800}
mark.cat-syntax{background:#ebe6ff;border-color:#5b45b8}
mark.cat-length{background:#e4eefa;border-color:#2d6bb0}
mark.cat-explanation{background:#ffe3e3;border-color:#b3261e}
sup{font-size:.7em;color:#4d596a}
footer{color:#4d596a;font-size:.85rem;margin-top:2rem}
@media (max-width:40rem){.summary{grid-template-columns:1fr 1fr}}
@media print{body{font-size:11pt}main{padding:0;max-width:none}h2{break-after:avoid}.text{border:none;padding:0}a{color:inherit}}
`;

/** The HTML report: summary, checklist, findings by category, and the text with marks. */
export function htmlReport({ text, report, findings, skipped, version, profile, date = new Date() }) {
  const m = report.metrics;
  const band = scoreBand(report.score);
  const kind = KINDS[report.document?.kind] || report.document?.kind || "";
  const when = date.toLocaleString("ru-RU", { dateStyle: "long", timeStyle: "short" });
  const checklist = report.document?.checklist || [];

  // Number the findings in text order for the marks.
  const ordered = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  const numberOf = new Map(ordered.map((f, i) => [f, i + 1]));

  let h = `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ясно: отчёт о проверке</title><style>${CSS}</style></head><body><main>
<h1>Отчёт о проверке текста</h1>
<p class="meta">Ясно ${esc(version)} · ${esc(when)} · тип документа: ${esc(kind)}${
    profile === "auto" ? " (определён автоматически)" : ""
  }</p>
<dl class="summary">
<div><dt>Ясность</dt><dd class="score">${num1(report.score)} из 10</dd><dd>${esc(band.words)}</dd></div>
<div><dt>Читаемость</dt><dd>${esc(capitalise(easeWords(m.flesch)))} (индекс ${num(m.flesch)})</dd></div>
<div><dt>Уровень</dt><dd>${esc(capitalise(m.level || "—"))}</dd></div>
<div><dt>Слов / предложений</dt><dd>${num(m.words)} / ${num(m.sentences)}</dd></div>
<div><dt>Слов в предложении</dt><dd>${num1(m.avg_sentence_words)} в среднем, ${num(m.longest_sentence_words)} в самом длинном</dd></div>
<div><dt>Время чтения</dt><dd>${esc(readingTime(m.reading_seconds))}</dd></div>
</dl>`;

  if (checklist.length) {
    h += `<h2>Обязательные элементы</h2><ul class="checklist">`;
    for (const it of checklist) {
      h += `<li class="${it.present ? "yes" : "no"}">${it.present ? "✓ есть" : "✕ нет"} — ${esc(capitalise(it.label))}</li>`;
    }
    h += `</ul>`;
  }

  h += `<h2>Замечания: ${countWord(findings.length, FINDING_FORMS)}</h2>`;
  const byCat = CATEGORIES.map((c) => `${c.label.toLowerCase()}: ${ordered.filter((f) => f.category === c.id).length}`);
  h += `<p class="meta">По видам — ${esc(byCat.join(", "))}.`;
  if (skipped) h += ` Пропущено вручную: ${countWord(skipped, FINDING_FORMS)}.`;
  h += `</p><ol class="findings">`;
  for (const f of ordered) {
    const cat = CATEGORIES.find((c) => c.id === f.category);
    h += `<li><span class="cat cat-${esc(f.category)}">${esc(cat ? cat.label : f.category)}</span>`;
    h += `<span class="sev">${esc(SEVERITY[f.severity] || f.severity)}</span><span class="msg">${esc(f.message)}</span> <small>${esc(f.rule)}</small>`;
    if (!(f.text.length <= 60 && f.message.includes(f.text.trim()))) {
      h += `<div class="quote">${esc(f.text.length > 400 ? `${f.text.slice(0, 400)}…` : f.text)}</div>`;
    }
    h += `<div>${esc(f.explanation)}</div>`;
    if (f.suggestions?.length) h += `<div class="fix">Как исправить: ${f.suggestions.map((x) => `<ins>${esc(x)}</ins>`).join(" или ")}</div>`;
    h += `</li>`;
  }
  h += `</ol>`;

  h += `<h2>Текст с пометками</h2><div class="text">${markedText(text, ordered, numberOf)}</div>`;
  h += `<footer>Отчёт создан программой «Ясно» в браузере, без отправки текста на сервер.</footer></main></body></html>`;
  return h;
}

/** The text with the short findings marked; long ones (whole sentences) only numbered. */
function markedText(text, ordered, numberOf) {
  const marks = [];
  let pos = 0;
  for (const f of ordered) {
    if (f.category === "length" || f.start < pos) continue; // overlapping or whole sentences
    marks.push(f);
    pos = f.end;
  }
  let out = "";
  pos = 0;
  for (const f of marks) {
    out += esc(text.slice(pos, f.start));
    out += `<mark class="cat-${f.category}">${esc(text.slice(f.start, f.end))}</mark><sup>${numberOf.get(f)}</sup>`;
    pos = f.end;
  }
  return out + esc(text.slice(pos));
}

export function jsonReport({ text, report, findings, skipped, version, profile, date = new Date() }) {
  return JSON.stringify(
    {
      tool: "yasno",
      version,
      created: date.toISOString(),
      profile,
      text,
      skipped,
      ...report,
      findings,
    },
    null,
    2,
  );
}

/** Saves `content` as a file through a temporary link. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
