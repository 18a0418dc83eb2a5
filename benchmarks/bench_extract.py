"""Benchmark: characters per second of `kg build` next to bare GiNZA `nlp.pipe`.

Not a test (machines are noisy): run it by hand and read the ratios.

    .venv/bin/python benchmarks/bench_extract.py [--repeat 20] [--processes 2]

The corpus is the seed article and the two dev articles repeated until it is large.
Three numbers are measured over the same sentences:

* bare ``nlp.pipe`` with the full ``ja_ginza`` pipeline (NER included);
* bare ``nlp.pipe`` with the pipeline we run (NER excluded: our mention detection
  replaces it);
* the whole build (read, parse, extract, merge, RDF, Turtle + HTML).

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


def corpus(repeat: int, folder: Path) -> list[str]:
    """Write ``repeat`` copies of each source document; return their sentences."""
    sentences: list[str] = []
    for i in range(repeat):
        for source in SOURCES:
            if not source.is_file():
                continue
            # A line of its own per copy: identical texts are one document (read once).
            text = source.read_text(encoding="utf-8") + f"\n複製{i}\n"
            (folder / f"{i:03d}-{source.name}").write_text(text, encoding="utf-8")
            sentences.extend(text[s:e] for s, e in split_sentences(text))
    return sentences


def bare_pipe(sentences: list[str], *, exclude: tuple[str, ...], processes: int) -> float:
    nlp = spacy.load(MODEL, exclude=list(exclude))
    started = time.perf_counter()
    for _ in nlp.pipe(sentences, n_process=processes, batch_size=64):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--processes",
        type=int,
        default=None,
        help="n_process for bare nlp.pipe (default: what kg build picks)",
    )
    args = parser.parse_args()
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
