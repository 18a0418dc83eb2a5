"""The build's orchestration: input and output checks before parsing, one document per
text, paths relative to the corpus root, dates, messages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, XSD

from graph.outputs import OutputFolderError
from graph.pipeline import PARALLEL_THRESHOLD, build_outputs, parse_processes
from tests.conftest import ROOT

GOOD = "見出し\n\nAnthropicは2024年3月4日、大規模言語モデル「Claude 3」を発表した。\n"
OTHER = "見出し\n\nGoogleは2024年2月21日、軽量なオープンモデル「Gemma」を発表した。\n"


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if the build gets as far as parsing."""

    def refuse(*args, **kwargs):
        raise AssertionError("the build parsed before finding the problem")

    monkeypatch.setattr("graph.pipeline.extract_corpus", refuse)


def test_bad_output_folder_fails_before_parsing(tmp_path: Path, no_parsing) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "file").write_text("x")
    for out in (tmp_path / "file", tmp_path / "file" / "sub"):
        with pytest.raises(OutputFolderError):
            build_outputs([tmp_path / "a.txt"], out)
    with pytest.raises(OutputFolderError, match="holds the input"):
        build_outputs([tmp_path / "a.txt"], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "file"]


def test_bad_document_fails_before_parsing(tmp_path: Path, no_parsing) -> None:
    from graph.errors import BadDocumentError

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "z.txt").write_bytes(GOOD.encode("shift_jis"))
    with pytest.raises(BadDocumentError, match=r"z\.txt"):
        build_outputs([tmp_path / "in"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_builds_from_another_folder_are_byte_identical(tmp_path: Path, monkeypatch) -> None:
    """Issue 10 item 6: kg:sourcePath is relative to the corpus root, not the current folder."""
    (tmp_path / "corpus" / "x").mkdir(parents=True)
    (tmp_path / "corpus" / "x" / "news.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "corpus" / "news.txt").write_text(OTHER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    build_outputs(["corpus"], tmp_path / "here")
    monkeypatch.chdir(tmp_path / "corpus" / "x")
    build_outputs([str(tmp_path / "corpus")], tmp_path / "there")
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "there" / name).read_bytes()
    paths = {str(o) for o in Graph().parse(tmp_path / "here" / "graph.ttl").objects(None, None)}
    assert {"corpus/news.txt", "corpus/x/news.txt"} <= paths


def test_a_document_given_twice_counts_once(tmp_path: Path, monkeypatch) -> None:
    """Issue 10 item 6: same file three ways, or a copy: one document, same confidence."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    once = build_outputs(["in/a.txt"], tmp_path / "once")
    shutil.copy(tmp_path / "in" / "a.txt", tmp_path / "in" / "copy.txt")
    many = build_outputs(
        ["in/a.txt", str(tmp_path / "in" / "a.txt"), "./in/../in/a.txt", "in/copy.txt"],
        tmp_path / "many",
    )
    assert many.documents == once.documents == 1
    assert len(many.warnings) == 3
    assert (tmp_path / "once" / "graph.ttl").read_bytes() == (
        tmp_path / "many" / "graph.ttl"
    ).read_bytes()


def test_publication_dates_reach_the_graph(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("2024年2月21日\n" + OTHER, encoding="utf-8")
    build_outputs([tmp_path / "in"], tmp_path / "out", published="2024-03")
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert sorted(graph.objects(None, DCTERMS.issued)) == sorted(
        [Literal("2024-03", datatype=XSD.gYearMonth), Literal("2024-02-21", datatype=XSD.date)]
    )


def _without_root_file_access() -> None:
    """In the child before exec: drop the capabilities that let root ignore file modes."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for capability in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _as_unprivileged_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run ``kg`` so that file permissions apply to it (root would read every file)."""
    return subprocess.run(
        [sys.executable, "-m", "graph.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
        preexec_fn=_without_root_file_access if os.geteuid() == 0 else None,
    )


@pytest.mark.slow
def test_unreadable_files_and_folders_are_named_in_one_line() -> None:
    """Issue 10 item 12, with real permissions: stop with one line, or skip with --skip-bad."""
    base = Path(tempfile.mkdtemp(prefix="kg-perm-"))
    try:
        base.chmod(0o777)
        corpus = base / "in"
        (corpus / "locked").mkdir(parents=True)
        (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
        (corpus / "secret.txt").write_text(OTHER, encoding="utf-8")
        (corpus / "locked" / "b.txt").write_text(OTHER + "続報。\n", encoding="utf-8")
        for path in (corpus, corpus / "a.txt"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        (corpus / "secret.txt").chmod(0o000)
        (corpus / "locked").chmod(0o000)
        stopped = _as_unprivileged_user(["build", "in", "--out", "out"], base)
        assert stopped.returncode == 2, stopped.stderr
        assert stopped.stderr.strip().count("\n") == 0
        assert "locked/" in stopped.stderr and "Permission denied" in stopped.stderr
        (corpus / "locked").chmod(0o755)
        (corpus / "locked" / "b.txt").chmod(0o644)
        (corpus / "locked").chmod(0o311)  # can enter, cannot list
        stopped = _as_unprivileged_user(["build", "in", "--out", "out"], base)
        assert stopped.returncode == 2 and stopped.stderr.strip().count("\n") == 0
        assert "locked/" in stopped.stderr or "secret.txt" in stopped.stderr
        skipped = _as_unprivileged_user(["build", "in", "--out", "out", "--skip-bad"], base)
        assert skipped.returncode == 0, skipped.stderr
        lines = skipped.stderr.strip().splitlines()
        assert any("secret.txt" in line and "cannot read" in line for line in lines)
        assert any("locked/" in line for line in lines)
        assert "from 1 document" in skipped.stdout
    finally:
        for path in base.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(base)


# --- issue 10 item 11 / issue 11 item 2: streaming ------------------------------------


class _CountingReader:
    """Stands in for a language reader: facts of nothing, and how much text it was handed
    at once (a real reader parses each document as it arrives and keeps nothing)."""

    language = "ja"

    def __init__(self, delay: float = 0.0, *, count: bool = False) -> None:
        self.delay = delay
        self.count = count
        self.peak_alive = 0

    def fingerprint(self) -> str:
        return "counting-reader"

    def read(self, documents, lexicon, *, n_process=1, progress=False):
        import gc
        import time

        from graph.model import Document, DocumentFacts

        for document in documents:
            if self.count:
                gc.collect()
                alive = sum(
                    1 for o in gc.get_objects() if type(o) is Document and len(o.text) > 1_000_000
                )
                self.peak_alive = max(self.peak_alive, alive)
            time.sleep(self.delay)
            yield DocumentFacts(document, (), (), ())


def _traced_peak(function) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_five_ten_megabyte_documents_build_in_bounded_memory(tmp_path: Path, monkeypatch) -> None:
    """Texts are read one at a time and dropped once parsed: five 10 MB documents take
    no more memory than one (the facts of nothing, here, take none)."""
    sentence = "これは長い文書のための文です。"
    size = 10 * 2**20
    (tmp_path / "in").mkdir()
    for i in range(5):
        text = f"記事{i}\n\n" + sentence * (size // len(sentence.encode()))
        (tmp_path / "in" / f"big{i}.txt").write_text(text, encoding="utf-8")
    reader = _CountingReader(count=True)
    monkeypatch.setattr("graph.pipeline.reader_for", lambda language: reader)
    one = _traced_peak(
        lambda: build_outputs([tmp_path / "in" / "big0.txt"], tmp_path / "one", use_cache=False)
    )
    five = _traced_peak(
        lambda: build_outputs([tmp_path / "in"], tmp_path / "five", use_cache=False)
    )
    assert reader.peak_alive == 1  # one document's text alive while it is parsed
    assert five < 1.2 * one, f"{five / 2**20:.0f} MiB for five documents, {one / 2**20:.0f} for one"


def test_progress_is_shown_only_for_a_long_parse(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "in").mkdir()
    for i in range(4):
        (tmp_path / "in" / f"d{i}.txt").write_text(f"記事{i}\n\n{GOOD}", encoding="utf-8")
    monkeypatch.setattr("graph.pipeline.PROGRESS_DELAY", 0.3)
    monkeypatch.setattr("graph.pipeline.reader_for", lambda language: _CountingReader())
    build_outputs([tmp_path / "in"], tmp_path / "quick", progress=True, use_cache=False)
    assert "reading" not in capsys.readouterr().err
    monkeypatch.setattr("graph.pipeline.reader_for", lambda language: _CountingReader(0.2))
    build_outputs([tmp_path / "in"], tmp_path / "slow", progress=True, use_cache=False)
    assert "reading" in capsys.readouterr().err


@pytest.mark.slow
def test_a_group_and_its_namesake_company_stay_two_entities(tmp_path: Path) -> None:
    """Issue 10 item 20: ソフトバンクグループ is not SoftBank, Toyota Group is not Toyota."""
    from graph.pipeline import extract

    (tmp_path / "a.txt").write_text(
        "見出し\n\nソフトバンクグループは英Arm社を買収した。ソフトバンクは通信サービスを発表した。"
        "Toyota Group社はデンソー社に出資した。Toyotaは新型車を発表した。\n",
        encoding="utf-8",
    )
    extraction = extract([tmp_path / "a.txt"])
    keys = {e.key for e in extraction.entities}
    assert {"softbank", "softbank-group", "toyota", "toyota-group"} <= keys
    relations = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    assert ("softbank-group", "acquired", "arm") in relations
    assert ("toyota-group", "investedIn", "デンソー") in relations


def test_parse_processes_are_the_users_choice_else_two_only_for_a_large_corpus() -> None:
    assert parse_processes(1_000) == 1
    assert parse_processes(PARALLEL_THRESHOLD + 1) == min(2, os.cpu_count() or 1)
    assert parse_processes(PARALLEL_THRESHOLD + 1, 1) == 1  # --processes 1: least memory
    assert parse_processes(1_000, 3) == 3
