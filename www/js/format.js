// Russian wording for numbers, metrics and the score.

const nf1 = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });

export const num = (n) => nf0.format(n);
export const num1 = (n) => nf1.format(n);

/** Russian plural: plural(5, ["замечание", "замечания", "замечаний"]). */
export function plural(n, [one, few, many]) {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export const countWord = (n, forms) => `${num(n)} ${plural(n, forms)}`;

export const FINDING_FORMS = ["замечание", "замечания", "замечаний"];

export function readingTime(seconds) {
  if (!seconds) return "—";
  if (seconds < 50) {
    const s = Math.max(5, Math.round(seconds / 5) * 5);
    return `${s} ${plural(s, ["секунда", "секунды", "секунд"])}`;
  }
  const m = Math.max(1, Math.round(seconds / 60));
  return `≈ ${m} ${plural(m, ["минута", "минуты", "минут"])}`;
}

/** Flesch reading ease (Russian adaptation) in words. */
export function easeWords(flesch) {
  if (flesch >= 70) return "очень легко читать";
  if (flesch >= 50) return "легко читать";
  if (flesch >= 30) return "читать непросто";
  if (flesch >= 10) return "трудно читать";
  return "очень трудно читать";
}

/** The score band: a word for people and a class for colour. */
export function scoreBand(score) {
  if (score >= 8) return { words: "Текст ясный", cls: "good" };
  if (score >= 6) return { words: "Есть что улучшить", cls: "fair" };
  if (score >= 4) return { words: "Читать трудно", cls: "poor" };
  return { words: "Очень трудный текст", cls: "bad" };
}

export const CATEGORIES = [
  { id: "jargon", label: "Канцелярит" },
  { id: "syntax", label: "Тяжёлый синтаксис" },
  { id: "length", label: "Длина и структура" },
  { id: "explanation", label: "Не хватает объяснений" },
];

export const SEVERITY = { error: "ошибка", warning: "предупреждение", hint: "совет" };

export const KINDS = { letter: "письмо", refusal: "отказ", notice: "уведомление", template: "шаблон" };

export const capitalise = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Shortens a quote to `max` characters at a word boundary. */
export function shorten(s, max = 140) {
  const flat = s.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const sp = cut.lastIndexOf(" ");
  return `${cut.slice(0, sp > max * 0.6 ? sp : max)}…`;
}
