"""The whole build on real articles: committed output, determinism, quality bars.

The quality bars are the product's promise (issue 3): they run the real GiNZA pipeline
and the independent scorer in ../shared/eval, so a regression fails the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from graph.pipeline import build_outputs
from tests.conftest import EVAL, ROOT, require_shared

SEED_GOLD = "google-no-moat-memo.ja.gold.tsv"
DEV_GOLDS = ("rakuten-ai-7b.ja.gold.tsv", "microsoft-openai.ja.gold.tsv")


def build_from_root(paths: list[str], out: Path):
    """Build with paths relative to the project root, as the README's command does."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        return build_outputs(paths, out)
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    build_from_root(["seeds"], out)
    return out


def score(graph: Path, *golds: str) -> dict:
    require_shared()
    result = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(graph),
            *(str(EVAL / "gold" / g) for g in golds),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_committed_output_is_what_the_code_builds(seed_build: Path) -> None:
    committed = ROOT / "output" / "graph.ttl"
    assert committed.read_bytes() == (seed_build / "graph.ttl").read_bytes(), (
        "output/graph.ttl is stale: run `kg build` and commit output/"
    )


def test_two_builds_are_byte_identical(seed_build: Path, tmp_path: Path) -> None:
    build_from_root(["seeds"], tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_build / "graph.ttl").read_bytes()
    assert (tmp_path / "graph.html").read_bytes() == (seed_build / "graph.html").read_bytes()


def test_output_parses_with_rdflib_and_pyoxigraph(seed_build: Path) -> None:
    import pyoxigraph

    path = seed_build / "graph.ttl"
    graph = Graph().parse(path)
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph) > 100


def test_seed_quality_bar(seed_build: Path) -> None:
    result = score(seed_build / "graph.ttl", SEED_GOLD)
    entities = result["entities"]
    assert entities["found"] == entities["gold"] == entities["typed"] == 18
    assert entities["split"] == 0
    assert result["relations"]["f1"] >= 0.85
    assert result["attributes"]["f1"] >= 0.80


def test_dev_quality_bar(tmp_path: Path) -> None:
    require_shared()
    build_outputs([EVAL / "dev"], tmp_path)
    result = score(tmp_path / "graph.ttl", *DEV_GOLDS)
    assert result["entities"]["found"] >= 13 and result["entities"]["typed"] >= 13
    assert result["entities"]["split"] == 0
    assert result["relations"]["f1"] >= 0.70
    assert result["attributes"]["f1"] >= 0.70


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    """A fresh process with another PYTHONHASHSEED writes the same bytes (set order leaks)."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "graph.cli",
            "build",
            "seeds",
            "--out",
            str(tmp_path),
            "--no-progress",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "graph.ttl").read_bytes() == (ROOT / "output" / "graph.ttl").read_bytes()


def test_heldout_articles_quality_bar(tmp_path: Path) -> None:
    """Four articles with gold written by someone who never saw the code.

    First measured blind at relations F1 0.38; they have guided work since, so this bar
    only guards against regressions (the real generalization test is the hidden set).
    """
    require_shared()
    heldout = ROOT / "tests" / "data" / "heldout"
    build_outputs([heldout], tmp_path)
    golds = sorted(heldout.glob("*.gold.tsv"))
    result = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(tmp_path / "graph.ttl"),
            *map(str, golds),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout)
    assert scores["entities"]["split"] == 0
    assert scores["relations"]["precision"] >= 0.90
    assert scores["relations"]["f1"] >= 0.78
    assert scores["attributes"]["f1"] >= 0.80
