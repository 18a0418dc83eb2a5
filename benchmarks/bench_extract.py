"""Benchmark: characters per second of `kg build` next to bare spaCy `nlp.pipe`.

Not a test (machines are noisy): run it by hand and read the ratios.

    .venv/bin/python benchmarks/bench_extract.py [--repeat 20] [--processes 2]
    .venv/bin/python benchmarks/bench_extract.py --language en [--repeat 40] [--rounds 3]

Japanese: the corpus is the seed article and the two dev articles repeated until it is
large. Three numbers are measured over the same sentences:

* bare ``nlp.pipe`` with the full ``ja_ginza`` pipeline (NER included);
* bare ``nlp.pipe`` with the pipeline we run (NER excluded: our mention detection
  replaces it);
* the whole build (read, parse, extract, merge, RDF, Turtle + HTML).

English: the corpus is ``benchmarks/data/en`` (three articles written for the benchmark,
invented names) repeated; bare ``nlp.pipe`` with ``en_core_web_sm`` as it is shipped,
next to the whole build (which adds our name-merging step to the same pipeline).

The issue's bar is build / bare ≥ 0.9 (our extraction costs at most 10% on top of parsing).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import spacy

from graph.lang.ja.parse import EXCLUDED_COMPONENTS, MODEL, load_pipeline, split_sentences
from graph.pipeline import build_outputs

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "seeds" / "google-no-moat-memo.ja.txt",
    *sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.txt")),
]
ENGLISH_SOURCES = sorted((ROOT / "benchmarks" / "data" / "en").glob("*.txt"))


def corpus(repeat: int, folder: Path, sources=SOURCES, split=split_sentences) -> list[str]:
    """Write ``repeat`` copies of each source document; return their sentences."""
    sentences: list[str] = []
    for i in range(repeat):
        for source in sources:
            if not source.is_file():
                continue
            # A line of its own per copy: identical texts are one document (read once).
            text = source.read_text(encoding="utf-8") + f"\n複製{i}\n"
            (folder / f"{i:03d}-{source.name}").write_text(text, encoding="utf-8")
            sentences.extend(text[s:e] for s, e in split(text))
    return sentences


def bare_pipe(
    sentences: list[str], *, exclude: tuple[str, ...], processes: int, model: str = MODEL
) -> float:
    nlp = spacy.load(model, exclude=list(exclude))
    started = time.perf_counter()
    for _ in nlp.pipe(sentences, n_process=processes, batch_size=64):
        pass
    return time.perf_counter() - started


def english(repeat: int, processes: int | None, rounds: int) -> None:
    """Bare en_core_web_sm next to the English reader and the whole build, same sentences.

    The English model parses so fast that other work on a shared machine moves the
    numbers by tens of percent: the bare pipe and the reader are timed in alternation,
    ``rounds`` times each, and the fastest round of each is compared, in wall-clock and
    in CPU time (one process: CPU time is what the code itself costs).
    """
    from graph.documents import find_documents, read_documents
    from graph.lang import reader_for
    from graph.lang.en.parse import MODEL as EN_MODEL
    from graph.lang.en.parse import load_pipeline as load_english
    from graph.lang.en.parse import split_sentences as split_english
    from graph.lexicon import load_lexicon
    from graph.pipeline import PARALLEL_THRESHOLD

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        sentences = corpus(repeat, folder, ENGLISH_SOURCES, split_english)
        chars = sum(len(s) for s in sentences)
        processes = processes or (2 if chars > PARALLEL_THRESHOLD else 1)
        bare_nlp = spacy.load(EN_MODEL)
        load_english()  # loaded before the clock starts, as for the bare run
        documents = list(read_documents(find_documents([folder])))
        lexicon = load_lexicon()
        # The reader's data (patterns, cues, the lemmatizer's word list) load on first
        # use, once per process: load them before the clock starts too.
        list(reader_for("en").read(documents[:1], lexicon))

        def bare() -> None:
            for _ in bare_nlp.pipe(sentences, n_process=processes, batch_size=64):
                pass

        def reader() -> None:
            for _ in reader_for("en").read(documents, lexicon, n_process=processes):
                pass

        timings: dict[str, list[tuple[float, float]]] = {"bare": [], "reader": []}
        for _ in range(rounds):
            for name, run in (("bare", bare), ("reader", reader)):
                wall, cpu = time.perf_counter(), time.process_time()
                run()
                timings[name].append((time.perf_counter() - wall, time.process_time() - cpu))
        started = time.perf_counter()
        summary = build_outputs([folder], Path(tmp) / "out")
        build = time.perf_counter() - started
    bare_wall, bare_cpu = (min(t[k] for t in timings["bare"]) for k in (0, 1))
    read_wall, read_cpu = (min(t[k] for t in timings["reader"]) for k in (0, 1))
    print(
        f"corpus: {chars:,} characters, {len(sentences):,} sentences, n_process={processes}, "
        f"fastest of {rounds} rounds"
    )
    print(f"{'run':44} {'wall s':>8} {'cpu s':>8} {'chars/s':>9}")
    for name, wall, cpu in (
        ("bare nlp.pipe, en_core_web_sm", bare_wall, bare_cpu),
        ("English reader (parse + extract)", read_wall, read_cpu),
    ):
        print(f"{name:44} {wall:8.2f} {cpu:8.2f} {chars / wall:9,.0f}")
    print(
        f"{'kg build (read + extract + RDF + HTML)':44} {build:8.2f} {'':>8} {chars / build:9,.0f}"
    )
    print(
        f"ratio reader / bare, wall:  {bare_wall / read_wall:.2f}  "
        f"(extraction overhead {100 * (read_wall / bare_wall - 1):.0f}%; bar: >= 0.90)"
    )
    if processes == 1:
        print(
            f"ratio reader / bare, CPU:   {bare_cpu / read_cpu:.2f}  "
            f"(extraction overhead {100 * (read_cpu / bare_cpu - 1):.0f}%)"
        )
    print(f"ratio kg build / bare, wall: {bare_wall / build:.2f}")
    print(summary.line())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--processes",
        type=int,
        default=None,
        help="n_process for bare nlp.pipe (default: what kg build picks)",
    )
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    parser.add_argument("--rounds", type=int, default=3, help="English: timed rounds of each")
    args = parser.parse_args()
    if args.language == "en":
        english(args.repeat, args.processes, args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        sentences = corpus(args.repeat, folder)
        chars = sum(len(s) for s in sentences)
        from graph.pipeline import PARALLEL_THRESHOLD

        processes = args.processes or (2 if chars > PARALLEL_THRESHOLD else 1)
        full = bare_pipe(sentences, exclude=(), processes=processes)
        ours = bare_pipe(sentences, exclude=EXCLUDED_COMPONENTS, processes=processes)
        load_pipeline()  # loaded before the clock starts, as for the bare runs
        started = time.perf_counter()
        summary = build_outputs([folder], Path(tmp) / "out")
        build = time.perf_counter() - started
    print(f"corpus: {chars:,} characters, {len(sentences):,} sentences, n_process={processes}")
    print(f"{'run':44} {'seconds':>8} {'chars/s':>9}")
    for name, seconds in (
        ("bare nlp.pipe, full ja_ginza (with NER)", full),
        ("bare nlp.pipe, ja_ginza without NER", ours),
        ("kg build (parse + extract + RDF + HTML)", build),
    ):
        print(f"{name:44} {seconds:8.2f} {chars / seconds:9,.0f}")
    print(f"ratio kg build / bare full ja_ginza:   {full / build:.2f}  (bar: >= 0.90)")
    print(
        f"ratio kg build / bare same pipeline:   {ours / build:.2f}  "
        f"(extraction overhead {100 * (build / ours - 1):.0f}%)"
    )
    print(summary.line())


if __name__ == "__main__":
    main()
