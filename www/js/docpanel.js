// The document panel: clarity score gauge, readability in words, counts,
// and the checklist of required elements for a refusal.

import { KINDS, capitalise, easeWords, num, num1, readingTime, scoreBand } from "./format.js";

const $ = (id) => document.getElementById(id);

export function renderDocPanel(report, profile) {
  const m = report?.metrics;
  const hasText = m && m.words > 0;

  // Score gauge.
  const meter = $("score");
  const score = hasText ? report.score : null;
  const band = score == null ? null : scoreBand(score);
  meter.classList.remove("good", "fair", "poor", "bad", "empty");
  meter.classList.add(band ? band.cls : "empty");
  $("score-arc").setAttribute("stroke-dasharray", `${score == null ? 0 : score * 10} 100`);
  $("score-number").textContent = score == null ? "—" : num1(score);
  $("score-words").textContent = band ? band.words : "Вставьте текст, чтобы увидеть оценку";
  meter.setAttribute("aria-valuenow", String(score ?? 0));
  meter.setAttribute("aria-valuetext", score == null ? "нет данных" : `${num1(score)} из 10: ${band.words.toLowerCase()}`);

  // Metrics in words.
  $("m-ease").textContent = hasText ? capitalise(easeWords(m.flesch)) : "—";
  $("m-ease").title = hasText ? `Индекс Флеша для русского языка: ${num(m.flesch)}` : "";
  $("m-level").textContent = hasText && m.level ? capitalise(m.level) : "—";
  $("m-level").title = hasText ? `Класс по Флешу — Кинкейду: ${num1(m.grade)}` : "";
  $("m-words").textContent = hasText ? num(m.words) : "—";
  $("m-sentences").textContent = hasText ? num(m.sentences) : "—";
  $("m-asl").textContent = hasText ? num1(m.avg_sentence_words) : "—";
  $("m-time").textContent = hasText ? readingTime(m.reading_seconds) : "—";

  // Kind of document.
  const doc = report?.document;
  const note = $("kind-note");
  if (doc && hasText && profile === "auto") {
    note.textContent = `Определён как ${KINDS[doc.kind] || doc.kind}`;
  } else if (profile !== "auto") {
    note.textContent = "Проверки настроены на этот тип";
  } else {
    note.textContent = "";
  }

  // Checklist of required elements.
  const box = $("checklist");
  const list = $("checklist-list");
  const items = (hasText && doc?.checklist) || [];
  box.hidden = items.length === 0;
  $("checklist-title").textContent =
    doc?.kind === "refusal" ? "Что должно быть в отказе" : "Что должно быть в документе";
  list.replaceChildren(
    ...items.map((it) => {
      const li = document.createElement("li");
      li.className = `checklist__item ${it.present ? "is-present" : "is-missing"}`;
      const mark = document.createElement("span");
      mark.className = "checklist__mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = it.present ? "✓" : "✕";
      const label = document.createElement("span");
      label.className = "checklist__label";
      label.textContent = capitalise(it.label);
      const state = document.createElement("span");
      state.className = "checklist__state";
      state.textContent = it.present ? "есть" : "нет";
      li.append(mark, label, state);
      li.dataset.key = it.key;
      return li;
    }),
  );
  const missing = items.filter((i) => !i.present).length;
  $("checklist-summary").textContent = items.length
    ? missing
      ? `Не хватает: ${missing} из ${items.length}`
      : "Все элементы на месте"
    : "";
}
