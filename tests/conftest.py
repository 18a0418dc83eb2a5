"""Shared fixtures: the GiNZA pipeline (loaded once), a sentence parser, the seed build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.documents import detect_language
from graph.lang.ja.cues import load_cues
from graph.lexicon import load_lexicon
from graph.model import Document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SEEDS = ROOT / "seeds"
IN_CI = bool(os.environ.get("CI"))


def require_shared() -> None:
    """The eval files live beside the project; CI has them, a lone checkout may not."""
    if not (EVAL / "score.py").is_file():
        if IN_CI:
            pytest.fail(f"{EVAL} is missing: CI must provide ../shared/eval")
        pytest.skip(f"{EVAL} not found (the eval kit sits beside the project root)")


def construction_matrix_report(language: str, out: Path) -> dict:
    """Build ../shared/eval/constructions/<language> as one corpus and return the matrix
    scorer's JSON report (pass rate, per relation, per construction, polarity)."""
    from graph.pipeline import build_outputs

    require_shared()
    build_outputs([EVAL / "constructions" / language], out)
    result = subprocess.run(
        [
            sys.executable,
            str(EVAL / "constructions.py"),
            str(out / "graph.ttl"),
            str(EVAL / "gold" / f"constructions.{language}.gold.tsv"),
            str(EVAL / "constructions" / f"{language}-index.tsv"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def nlp():
    from graph.lang.ja.parse import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def cues():
    return load_cues()


def make_document(text: str, doc_id: str = "test") -> Document:
    import hashlib

    return Document(
        doc_id=doc_id,
        path=f"{doc_id}.txt",
        title=text.splitlines()[0][:40] if text else doc_id,
        text=text,
        language=detect_language(text),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text into ParsedSentence records, as the pipeline does."""
    from graph.lang.ja.parse import parse_documents

    def _parse(text: str):
        document = make_document(text)
        return document, next(parse_documents([document], nlp=nlp))[1]

    return _parse


@pytest.fixture(scope="session")
def read_facts(nlp, lexicon, cues):
    """Run extraction on a short text; returns the assembled Extraction."""
    from graph.pipeline import extract

    def _read(text: str, tmp_path_factory=None):
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "snippet.txt"
            path.write_text(text, encoding="utf-8")
            return extract([path])

    return _read


def triples(extraction) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in extraction.relations}


def _committed_outputs() -> dict[str, tuple[int, str]]:
    import hashlib

    folder = ROOT / "output"
    return {
        p.relative_to(folder).as_posix(): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session", autouse=True)
def committed_outputs_stay_untouched():
    """The suite must not rewrite the committed output/ (issue 10 item 17): tests write
    into temporary folders. `scripts/screenshot.sh` regenerates the README picture on
    purpose, through the browser test, with KG_SCREENSHOT set."""
    if os.environ.get("KG_SCREENSHOT"):
        yield
        return
    before = _committed_outputs()
    yield
    after = _committed_outputs()
    changed = sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
    assert not changed, f"the test suite rewrote committed files in output/: {changed}"
