"""Benchmark: how `kg build` scales with the corpus, and what the cache and workers buy.

Not a test (machines are noisy): run it by hand and read the ratios.

    .venv/bin/python benchmarks/bench_scale.py                    # 300, 600 and 3,000 documents
    .venv/bin/python benchmarks/bench_scale.py --sizes 300 3000 10000 --workers 2

The corpus is synthetic Japanese AI-industry news (`generate_corpus`): every article
introduces its own company, model, product and person, and refers to a few shared
companies and earlier models, so the graph grows with the corpus as a news archive does.
Everything is seeded: the same arguments give the same corpus.

For each size it measures, each in a fresh process (as `kg build` runs):

* the full build (cache off): documents/s, peak RSS, time per stage;
* an unchanged rebuild and a rebuild after one document changed, as ratios of the full
  build (bars: unchanged <= 15 % at 600 documents, <= 5 % at 3,000; one changed
  <= 5 % + one document's parse, measured as a cold build of that document alone);
* with ``--workers N``: the full build on a Dask LocalCluster of N processes, its speed-up
  and whether its Turtle is byte-identical to the single-process build's.

It ends with the peak memory of the largest size as a ratio of the smallest's (bar at
3,000 vs 300 documents: <= 1.3), measured three ways, because above 200,000 characters
the parse forks a second spaCy worker and the ways then disagree:

* RSS summed over the process tree (the bar's measure as first written): a forked
  worker's pages shared with its parent (the GiNZA model) count once per process;
* PSS summed over the tree (``/proc/PID/smaps_rollup``): shared pages counted once,
  split among the processes sharing them, i.e. the memory the build really takes;
* the build process's own peak RSS (``ru_maxrss``): where the entity and fact tables,
  the lines and the page live, the part that could grow with the corpus.

``--processes 1`` passes ``kg build --processes 1`` to every build, so both sizes parse in
one process and the ratio measures growth with the corpus alone; ``--processes 2`` forks
at both sizes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# --- the synthetic corpus -------------------------------------------------------------

_SYLLABLES = (
    "ka",
    "ri",
    "to",
    "ne",
    "so",
    "va",
    "lu",
    "mi",
    "zen",
    "tor",
    "vex",
    "nor",
    "qua",
    "li",
    "da",
    "ro",
    "bel",
    "cor",
    "fin",
    "gal",
    "hex",
    "ion",
    "jor",
    "kel",
    "mar",
    "nex",
    "pol",
    "rax",
    "sil",
    "tav",
    "ul",
    "vor",
    "wyn",
    "xan",
    "yor",
    "zel",
)
_ORG_TAILS = ("AI", "Labs", "Systems", "Robotics", "Cloud", "Data", "")
_FAMILY = (
    "サトウ",
    "スズキ",
    "タカハシ",
    "タナカ",
    "ワタナベ",
    "イトウ",
    "ヤマモト",
    "ナカムラ",
    "コバヤシ",
    "カトウ",
)
_KANA = (
    "ア",
    "カ",
    "サ",
    "タ",
    "ナ",
    "ハ",
    "マ",
    "ヤ",
    "ラ",
    "ワ",
    "キ",
    "シ",
    "チ",
    "ニ",
    "ミ",
    "リ",
    "ク",
    "ス",
    "ツ",
    "ヌ",
    "ム",
    "ル",
    "ケ",
    "セ",
    "テ",
    "ネ",
    "メ",
    "レ",
    "コ",
    "ソ",
    "ト",
    "ノ",
    "モ",
    "ロ",
)
_SHARED_COMPANIES = (
    "Microsoft",
    "Google",
    "Amazon",
    "NVIDIA",
    "Meta",
    "OpenAI",
    "ソフトバンク",
    "NTT",
    "KDDI",
    "富士通",
)
_BASE_MODELS = ("Llama 2", "Mistral-7B", "GPT-4", "Gemma", "Llama 3")


def _name(index: int, rng: random.Random) -> str:
    """A pronounceable Latin-script name, unique per index (base-N over syllables)."""
    parts = []
    value = index + len(_SYLLABLES)
    while value:
        value, digit = divmod(value, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    word = "".join(parts[: 3 + index % 2])
    return word[:1].upper() + word[1:] + rng.choice(("", "x", "a", "on", "is"))


def _kana_name(index: int) -> str:
    """A katakana given name, unique per index."""
    parts = []
    value = index + len(_KANA) ** 2
    while value:
        value, digit = divmod(value, len(_KANA))
        parts.append(_KANA[digit])
    return "".join(parts)


def _article(number: int, rng: random.Random, earlier_models: list[str]) -> str:
    org = _name(number * 3, rng)
    tail = rng.choice(_ORG_TAILS)
    company = f"{org} {tail}".strip()
    size = rng.choice((1, 3, 7, 8, 13, 34, 70))
    model = f"{org}-{size}B"
    product = f"{org} {rng.choice(('Chat', 'Studio', 'Assist', 'Search'))}"
    person = f"{_kana_name(number)}・{rng.choice(_FAMILY)}"
    investor = rng.choice(_SHARED_COMPANIES)
    partner = rng.choice(_SHARED_COMPANIES)
    base = rng.choice(earlier_models[-50:] or list(_BASE_MODELS))
    rival = rng.choice(earlier_models[-50:] or list(_BASE_MODELS))
    year, month, day = 2023 + number % 2, 1 + number % 12, 1 + number % 28
    date = f"{year}年{month}月{day}日"
    amount = rng.choice((10, 30, 50, 100, 300))
    opening = rng.choice(
        (
            f"米{company}は{date}、大規模言語モデル「{model}」を発表した。",
            f"{company}社は{date}、新たな言語モデル「{model}」を公開した。",
        )
    )
    sentences = [
        opening,
        f"{model}は{size * 10}億パラメータのモデルで、{base}をベースに開発された。",
        rng.choice(
            (
                f"同社の{person}CEOは「オープンソースは脅威ではない」と述べた。",
                f"{person}氏は{company}のCEOを務めている。",
            )
        ),
        f"また、{investor}は{company}に{amount}億円を出資した。",
        f"{company}は{partner}と提携し、新サービス「{product}」を提供する。",
        f"{model}は{rival}を上回る性能を示したという。",
    ]
    earlier_models.append(model)
    title = f"{company}、新モデル「{model}」を公開"
    return f"{title}\n\n{date}\n\n" + "".join(sentences) + "\n"


def generate_corpus(folder: Path, documents: int, *, seed: int = 1) -> list[Path]:
    """Write ``documents`` articles into ``folder`` (``news-000001.ja.txt`` ...)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    earlier: list[str] = []
    paths = []
    for number in range(documents):
        path = folder / f"news-{number:06d}.ja.txt"
        path.write_text(_article(number, rng, earlier), encoding="utf-8")
        paths.append(path)
    return paths


def change_one_document(folder: Path) -> Path:
    """Append a sentence to the middle article: one changed document."""
    paths = sorted(folder.glob("*.txt"))
    target = paths[len(paths) // 2]
    with target.open("a", encoding="utf-8") as handle:
        handle.write("同社は今後、日本語に特化した追加学習を進める計画だ。\n")
    return target


# --- one build in a fresh process -----------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock of the whole process, interpreter start included
    build_seconds: float  # inside build_outputs
    peak_rss_mib: float  # largest sum of RSS over the process tree, sampled
    peak_pss_mib: float  # largest sum of PSS over the process tree, sampled
    summary: dict

    @property
    def main_rss_mib(self) -> float:
        """Peak RSS of the build process alone (its ru_maxrss)."""
        return float(self.summary["max_rss_mib"])


def run_build(corpus: list[Path] | Path, out: Path, *options: str) -> Run:
    """`kg build` in a child process; returns its times, peak RSS and summary."""
    inputs = [str(corpus)] if isinstance(corpus, Path) else [str(p) for p in corpus]
    command = [sys.executable, __file__, "_build", str(out), *options, "--", *inputs]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    peak, peak_pss = _sample_peak_memory(process.pid, lambda: process.poll() is not None)
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(command)}")
    summary = json.loads(stdout.strip().splitlines()[-1])
    return Run(seconds, summary["seconds"], peak, peak_pss, summary)


def _pss(pid: int) -> int:
    """Proportional set size in bytes (0 where the kernel does not report it)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _sample_peak_memory(pid: int, done, interval: float = 0.05) -> tuple[float, float]:
    """Peak RSS and peak PSS summed over the process tree of ``pid``, in MiB."""
    import psutil

    peak = peak_pss = 0
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return 0.0, 0.0
    while not done():
        try:
            tree = [root, *root.children(recursive=True)]
            total = total_pss = 0
            for process in tree:
                with contextlib.suppress(psutil.NoSuchProcess):
                    total += process.memory_info().rss
                    total_pss += _pss(process.pid)
            peak = max(peak, total)
            peak_pss = max(peak_pss, total_pss)
        except psutil.NoSuchProcess:
            break
        time.sleep(interval)
    return peak / 2**20, peak_pss / 2**20


def _child_build(argv: list[str]) -> None:
    """Entry point of the child process: build, print the summary as JSON."""
    out, *rest = argv
    separator = rest.index("--")
    options, inputs = rest[:separator], rest[separator + 1 :]
    from graph.pipeline import build_outputs

    kwargs: dict = {}
    if "--no-cache" in options:
        kwargs["use_cache"] = False
    if "--workers" in options:
        kwargs["workers"] = int(options[options.index("--workers") + 1])
    if "--processes" in options:
        kwargs["processes"] = int(options[options.index("--processes") + 1])
    summary = build_outputs(inputs, out, **kwargs)
    import resource

    print(
        json.dumps(
            {
                "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "documents": summary.documents,
                "entities": summary.entities,
                "relations": summary.relations,
                "seconds": summary.seconds,
                "parsed": summary.parsed,
                "stages": dict(summary.stages),
            }
        )
    )


# --- the report -------------------------------------------------------------------------


def _stages(run: Run) -> str:
    return ", ".join(f"{name} {seconds:.2f}s" for name, seconds in run.summary["stages"].items())


def measure(size: int, workers: int, base: Path, options: tuple[str, ...] = ()) -> dict:
    corpus = base / f"corpus-{size}"
    paths = generate_corpus(corpus, size)
    out = base / f"out-{size}"
    characters = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    full = run_build(corpus, out, *options)  # a first build: parses everything, fills the cache
    print(
        f"\n{size:,} documents ({characters:,} characters): full build {full.seconds:.1f}s "
        f"({size / full.seconds:.1f} documents/s), {full.summary['entities']:,} entities, "
        f"{full.summary['relations']:,} relations"
    )
    print(
        f"  peak memory: RSS summed over the process tree {full.peak_rss_mib:.0f} MiB, "
        f"PSS summed {full.peak_pss_mib:.0f} MiB, build process alone {full.main_rss_mib:.0f} MiB"
    )
    print(f"  stages: {_stages(full)}")
    reference = (out / "graph.ttl").read_bytes()
    unchanged = run_build(corpus, out, *options)
    print(
        f"  unchanged rebuild: {unchanged.seconds:.2f}s = {unchanged.seconds / full.seconds:.1%} "
        f"of the full build (bar: 15% at 600, 5% at 3,000); "
        f"identical: {(out / 'graph.ttl').read_bytes() == reference}"
    )
    changed = change_one_document(corpus)
    one = run_build(corpus, out, *options)
    alone = run_build([changed], base / f"alone-{size}", "--no-cache")
    clean = run_build(corpus, base / f"clean-{size}", "--no-cache", *options)
    same = (out / "graph.ttl").read_bytes() == (base / f"clean-{size}" / "graph.ttl").read_bytes()
    bar = 0.05 + alone.seconds / full.seconds
    print(
        f"  one changed document: {one.seconds:.2f}s = {one.seconds / full.seconds:.1%} of the "
        f"full build (bar: 5% + one document's parse = {bar:.1%}); parsed {one.summary['parsed']}"
        f"; byte-identical to a clean build: {same}"
    )
    print(f"    stages: {_stages(one)}")
    result = {
        "size": size,
        "full": full.seconds,
        "rss": full.peak_rss_mib,
        "pss": full.peak_pss_mib,
        "main_rss": full.main_rss_mib,
        "unchanged": unchanged.seconds / full.seconds,
        "one_changed": one.seconds / full.seconds,
        "one_changed_bar": bar,
        "identical_after_change": same,
    }
    if workers > 1:
        parallel = run_build(
            corpus, base / f"workers-{size}", "--no-cache", "--workers", str(workers)
        )
        identical = (base / f"workers-{size}" / "graph.ttl").read_bytes() == (
            base / f"clean-{size}" / "graph.ttl"
        ).read_bytes()
        print(
            f"  --workers {workers}: {parallel.seconds:.1f}s, speed-up "
            f"{clean.seconds / parallel.seconds:.2f}x over one process ({clean.seconds:.1f}s); "
            f"byte-identical: {identical}; peak RSS {parallel.peak_rss_mib:.0f} MiB"
        )
        result.update(speedup=clean.seconds / parallel.seconds, workers_identical=identical)
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_build":
        _child_build(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 600, 3000])
    parser.add_argument("--workers", type=int, default=2, help="Dask workers (1: skip)")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpora and outputs here")
    parser.add_argument(
        "--processes",
        type=int,
        default=None,
        help="pass kg build --processes N to every build (default: kg build's own choice)",
    )
    args = parser.parse_args()
    options = ("--processes", str(args.processes)) if args.processes else ()
    os.environ.setdefault("TQDM_DISABLE", "1")
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        results = [measure(size, args.workers, base, options) for size in sorted(args.sizes)]
    smallest, largest = results[0], results[-1]
    print(
        f"\npeak memory {largest['size']:,} vs {smallest['size']:,} documents "
        f"(bar at 3,000 vs 300: <= 1.3; parse processes: "
        f"{args.processes or 'kg build default'}): RSS summed over the tree "
        f"{largest['rss'] / smallest['rss']:.2f}x, PSS summed "
        f"{largest['pss'] / smallest['pss']:.2f}x, build process alone "
        f"{largest['main_rss'] / smallest['main_rss']:.2f}x"
    )
    for result in results:
        line = (
            f"{result['size']:>6,} documents: unchanged {result['unchanged']:.1%}, one changed "
            f"{result['one_changed']:.1%} (bar {result['one_changed_bar']:.1%})"
        )
        if "speedup" in result:
            line += f", workers speed-up {result['speedup']:.2f}x"
        print(line)


if __name__ == "__main__":
    main()
