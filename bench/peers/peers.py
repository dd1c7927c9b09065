"""Side-by-side evaluation of yasno and its peers on the same real documents.

Run through bench/peers/run.sh (which installs krrkt, ruts and razdel into a
throwaway virtualenv and builds yasno). Prints one Markdown report: speed,
readability, sentence boundaries and jargon coverage.
"""

import asyncio
import collections
import glob
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib.metadata import version

from razdel import sentenize
from ruts import ReadabilityStats
from krrkt.engine.pipeline import proofread

CORPUS = sys.argv[1]
FILES = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
TEXTS = {f: open(f, encoding="utf-8").read() for f in FILES}
NAME = {f: os.path.basename(f)[:-4] for f in FILES}
YASNO_BIN = os.environ["YASNO_BIN"]
# Whole-process timings are slow for krrkt: use every third document.
PROCESS_SAMPLE = FILES[::3]


def char_offset(text, byte_offset):
    """Python string index of a UTF-8 byte offset."""
    return len(text.encode()[:byte_offset].decode("utf-8", errors="ignore"))


def median_time(fn, repeat=7, warm=2):
    for _ in range(warm):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def process_time(cmd, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def yasno_native():
    out = subprocess.run([os.environ["YASNO_NATIVE"], *FILES], capture_output=True, text=True, check=True)
    return {d["path"]: d for d in map(json.loads, out.stdout.splitlines())}


def yasno_wasm():
    if os.environ.get("YASNO_WASM") != "1":
        return {}
    out = subprocess.run(["node", "bench/peers/wasm_times.mjs", *FILES], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"<!-- wasm timing failed: {out.stderr.strip()[:300]} -->")
        return {}
    return {d["path"]: d["median_ms"] for d in map(json.loads, out.stdout.splitlines())}


def krrkt_check(text):
    return asyncio.run(proofread(text, skip_llm=True))


def boundaries_yasno(text, spans):
    """Sentence ends (char offsets) except the last, from yasno's byte spans."""
    ends = [char_offset(text, e) for _, e in spans]
    return set(ends[:-1])


def boundaries_razdel(text):
    ends = [s.stop for s in sentenize(text)]
    return set(ends[:-1])


def at_line_end(text, pos):
    rest = text[pos:pos + 3]
    return rest.lstrip(" \t\u00a0").startswith(("\n", "\r")) or pos >= len(text.rstrip())


def context(text, pos, width=40):
    a, b = max(0, pos - width), min(len(text), pos + width)
    return (text[a:pos] + "⏐" + text[pos:b]).replace("\n", "↵")


def main():
    ya = yasno_native()
    wasm = yasno_wasm()
    total_bytes = sum(len(t.encode()) for t in TEXTS.values())
    total_words = sum(ya[f]["metrics"]["words"] for f in FILES)

    # Speed ---------------------------------------------------------------
    t_native = sum(ya[f]["median_ms"] for f in FILES)
    t_wasm = sum(wasm.values()) if len(wasm) == len(FILES) else None
    t_krrkt = sum(median_time(lambda t=TEXTS[f]: krrkt_check(t), repeat=3, warm=1) for f in FILES)
    t_ruts = sum(median_time(lambda t=TEXTS[f]: ReadabilityStats(t).get_stats(), repeat=3, warm=1) for f in FILES)
    p_yasno = statistics.mean(process_time([YASNO_BIN, "check", "--format", "json", f]) for f in PROCESS_SAMPLE)
    p_krrkt = statistics.mean(
        process_time([os.path.join(os.path.dirname(sys.executable), "krrkt"), "check", "--no-llm", "-f", "json", f], repeat=1)
        for f in PROCESS_SAMPLE
    )

    n = len(FILES)
    print("# yasno and its peers\n")
    print(f"- date: {time.strftime('%Y-%m-%d')}; machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"- corpus: {n} real documents, {total_bytes / 1024:.0f} KB, {total_words} words")
    print(f"- versions: yasno {subprocess.run([YASNO_BIN, '--version'], capture_output=True, text=True).stdout.split()[-1]}, "
          f"krrkt {version('krrkt')} (no-LLM mode), ruts {version('ruts')}, razdel {version('razdel')}, Python {platform.python_version()}")
    print("\n## Speed\n")
    print("| tool | what is timed | per document, ms | throughput | vs yasno native |")
    print("|---|---|---|---|---|")

    def row(tool, what, total_ms, per_doc=None):
        per = per_doc if per_doc is not None else total_ms / n
        kbps = total_bytes / 1024 / (total_ms / 1e3) if per_doc is None else None
        thr = f"{kbps / 1024:.2f} MB/s" if kbps else "—"
        ratio = per / (t_native / n)
        print(f"| {tool} | {what} | {per:.2f} | {thr} | {ratio:.1f}× |")

    row("yasno", "in-process, native, full check (median after warm-up)", t_native)
    if t_wasm is not None:
        row("yasno", "in-process, WebAssembly in Node (median after warm-up)", t_wasm)
    row("yasno CLI", f"whole process, `yasno check --format json` (mean of {len(PROCESS_SAMPLE)} documents)", 0, p_yasno)
    row("krrkt", "in-process, warm, `proofread(skip_llm=True)`", t_krrkt)
    row("krrkt CLI", f"whole process, `krrkt check --no-llm -f json` (mean of {len(PROCESS_SAMPLE)} documents)", 0, p_krrkt)
    row("ruts", "in-process, `ReadabilityStats(text).get_stats()` (metrics only)", t_ruts)

    # Readability -----------------------------------------------------------
    print("\n## Readability\n")
    print("Flesch reading ease (Oborneva) and Flesch–Kincaid grade for Russian. Both tools use the same formulas; "
          "the figures differ by what they count. *words/sentence*: yasno averages over the sentences of running "
          "text (not letterhead, requisites or signature lines); ruts over its own sentences. *syllables/word*: "
          "yasno divides by words with letters; ruts by every token it calls a word, numbers and «№» included "
          "(they have no vowels), and the next column shows ruts' syllables over its words that have a vowel. "
          "*cause*: which count moves Flesch more (−1.3·Δ words/sentence or −60.1·Δ syllables/word).\n")
    print("| document | yasno words/sentence | ruts words/sentence | yasno syllables/word | ruts syllables/word | "
          "ruts, words with a vowel | yasno Flesch | ruts Flesch | yasno grade | ruts grade | cause |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    diffs = []
    causes = collections.Counter()
    from ruts import BasicStats
    for f in FILES:
        m = ya[f]["metrics"]
        r = ReadabilityStats(TEXTS[f]).get_stats()
        b = BasicStats(TEXTS[f]).get_stats()
        asl_r = b["n_words"] / max(b["n_sents"], 1)
        asw_r = b["n_syllables"] / max(b["n_words"], 1)
        voweled = b["n_words"] - b["c_syllables"].get(0, 0)
        asw_rv = b["n_syllables"] / max(voweled, 1)
        d_asl = -1.3 * (m["avg_sentence_words"] - asl_r)
        d_asw = -60.1 * (m["avg_word_syllables"] - asw_r)
        cause = "syllables/word" if abs(d_asw) >= abs(d_asl) else "words/sentence"
        causes[cause] += 1
        diffs.append((m["flesch"] - r["flesch_reading_easy"], m["grade"] - r["flesch_kincaid_grade"], d_asl, d_asw,
                      m["avg_word_syllables"] - asw_rv))
        print(f"| {NAME[f]} | {m['avg_sentence_words']:.1f} | {asl_r:.1f} | {m['avg_word_syllables']:.2f} | "
              f"{asw_r:.2f} | {asw_rv:.2f} | {m['flesch']:.1f} | {r['flesch_reading_easy']:.1f} | {m['grade']:.1f} | "
              f"{r['flesch_kincaid_grade']:.1f} | {cause} |")
    mean = lambda i: statistics.mean(d[i] for d in diffs)
    print(f"\nMean difference yasno − ruts: Flesch {mean(0):+.1f}, grade {mean(1):+.1f}. Of the Flesch difference, "
          f"{mean(2):+.1f} comes from words/sentence and {mean(3):+.1f} from syllables/word. "
          f"Larger cause per document: {', '.join(f'{k} {v}' for k, v in causes.most_common())}. "
          f"Over words with a vowel, ruts' syllables/word is within {mean(4):+.2f} of yasno's on average.")

    # Sentences ------------------------------------------------------------
    print("\n## Sentence boundaries (reference: razdel)\n")
    tp = fp = fn = 0
    tp_in = fp_in = fn_in = 0
    disagreements = []
    for f in FILES:
        text = TEXTS[f]
        y = boundaries_yasno(text, ya[f]["sentences"])
        r = boundaries_razdel(text)
        # razdel reports the end after the punctuation; so does yasno. Line
        # ends are paragraph breaks for yasno, which razdel does not know.
        tp += len(y & r); fp += len(y - r); fn += len(r - y)
        yi = {p for p in y if not at_line_end(text, p)}
        ri = {p for p in r if not at_line_end(text, p)}
        tp_in += len(yi & ri); fp_in += len(yi - ri); fn_in += len(ri - yi)
        for p in sorted(yi - ri):
            disagreements.append(("yasno only", NAME[f], context(text, p)))
        for p in sorted(ri - yi):
            disagreements.append(("razdel only", NAME[f], context(text, p)))

    def pr(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r

    p_all, r_all = pr(tp, fp, fn)
    p_in, r_in = pr(tp_in, fp_in, fn_in)
    print("| boundaries | agree | yasno only | razdel only | precision | recall |")
    print("|---|---|---|---|---|---|")
    print(f"| all | {tp} | {fp} | {fn} | {p_all:.3f} | {r_all:.3f} |")
    print(f"| inside a line (not at a line break) | {tp_in} | {fp_in} | {fn_in} | {p_in:.3f} | {r_in:.3f} |")
    print("\nDisagreements inside a line (⏐ marks the boundary):\n")
    for kind, name, ctx in disagreements[:60]:
        print(f"- {kind} · {name}: `{ctx}`")
    if len(disagreements) > 60:
        print(f"- … and {len(disagreements) - 60} more")

    # Coverage -------------------------------------------------------------
    print("\n## Jargon coverage\n")
    only_k = collections.Counter()
    only_y = collections.Counter()
    both = 0
    per_doc = []
    for f in FILES:
        text = TEXTS[f]
        k = [(x.start, x.end, x.rule, x.word) for x in krrkt_check(text).findings]
        y = [(char_offset(text, j["start"]), char_offset(text, j["end"]), j["rule"], j["text"]) for j in ya[f]["jargon"]]
        ko = [x for x in k if not any(a < x[1] and x[0] < b for a, b, *_ in y)]
        yo = [x for x in y if not any(a < x[1] and x[0] < b for a, b, *_ in k)]
        both += len(k) - len(ko)
        for x in ko:
            only_k[(x[2], x[3].lower())] += 1
        for x in yo:
            only_y[(x[2], x[3].lower())] += 1
        per_doc.append((NAME[f], len(k), len(y), len(ko), len(yo)))
    print("| document | krrkt findings | yasno jargon+syntax findings | only krrkt | only yasno |")
    print("|---|---|---|---|---|")
    for row_ in per_doc:
        print("| " + " | ".join(map(str, row_)) + " |")
    print(f"\nkrrkt findings overlapped by a yasno finding: {both}.\n")
    print("Most frequent phrases only krrkt flags (its rule · the words):\n")
    for (rule, word), c in only_k.most_common(40):
        print(f"- {c}× {rule} · «{word}»")
    print("\nMost frequent phrases only yasno flags:\n")
    for (rule, word), c in only_y.most_common(40):
        print(f"- {c}× {rule} · «{word}»")


if __name__ == "__main__":
    main()
