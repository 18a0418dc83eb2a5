"""`kg build` through Click's CliRunner: summary line, bad inputs, no partial output."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from tests.conftest import ROOT

GOOD = "見出し\n\nAnthropicは2024年3月4日、大規模言語モデル「Claude 3」を発表した。\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_build_writes_both_files_and_a_summary(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    outcome = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert outcome.exit_code == 0, outcome.output
    assert "from 1 document: 2 entities, 1 relation, 1 attribute in" in outcome.output
    assert (tmp_path / "out" / "graph.ttl").is_file() and (
        tmp_path / "out" / "graph.html"
    ).is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03binary\x00", "binary file"),
        (GOOD.encode("shift_jis"), "--encoding shift_jis"),
    ],
)
def test_bad_file_is_one_line_status_2_and_no_output(
    tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    outcome = run("build", str(bad), "--out", str(out))
    assert outcome.exit_code == 2
    assert outcome.output.strip().count("\n") == 0
    assert "bad.txt" in outcome.output and message in outcome.output
    assert not out.exists() or not any(out.iterdir())


def test_failed_build_keeps_previous_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(tmp_path / "a.txt"), "--out", str(out)).exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    (tmp_path / "bad.txt").write_bytes(b"")
    assert run("build", str(tmp_path), "--out", str(out)).exit_code == 2
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [
        ".kg-build.json",
        ".kg-cache.sqlite",
        "graph.html",
        "graph.ttl",
    ]


def test_skip_bad_reports_and_builds_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    outcome = run("build", str(tmp_path), "--out", str(tmp_path / "out"), "--skip-bad")
    assert outcome.exit_code == 0, outcome.output
    assert "Skipped:" in outcome.output and "b.txt" in outcome.output
    assert "from 1 document" in outcome.output


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    missing = run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
    (tmp_path / "empty").mkdir()
    empty = run("build", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert empty.exit_code == 2 and "no documents" in empty.output


def test_encoding_option_reads_legacy_files(tmp_path: Path) -> None:
    (tmp_path / "sjis.txt").write_bytes(GOOD.encode("cp932"))
    outcome = run(
        "build", str(tmp_path / "sjis.txt"), "--out", str(tmp_path / "out"), "--encoding", "cp932"
    )
    assert outcome.exit_code == 0, outcome.output


def test_user_lexicon_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "見出し\n\n昨日、ズーブルが新しい計画を発表した。\n", encoding="utf-8"
    )
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text(
        "entities:\n  - {name: Zooble, class: Organization, ja: [ズーブル]}\n", encoding="utf-8"
    )
    outcome = run(
        "build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--lexicon", str(lexicon)
    )
    assert outcome.exit_code == 0, outcome.output
    assert "kge:zooble" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_every_command_has_a_docstring_with_an_example() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"kg {name} has no help text"


def test_build_writes_extra_formats_and_rejects_unknown_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    ok = run(
        "build",
        str(tmp_path / "a.txt"),
        "--out",
        str(out),
        "--format",
        "jsonld",
        "--format",
        "graphml",
    )
    assert ok.exit_code == 0, ok.output
    assert (out / "graph.jsonld").is_file() and (out / "graph.graphml").is_file()
    bad = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"), "--format", "xls")
    assert bad.exit_code == 2 and "use one of: turtle" in bad.output
    assert not (tmp_path / "o2").exists()


# --- issue 10 items 12 and 16: messages ------------------------------------------------


def test_no_path_and_no_seeds_folder_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = run("build")
    assert outcome.exit_code == 2
    assert "no seeds/ folder" in outcome.output and "kg build FILE_OR_FOLDER" in outcome.output
    assert outcome.output.strip().count("\n") == 0


def test_summary_counts_are_singular_for_one(tmp_path: Path) -> None:
    from graph.pipeline import BuildSummary

    line = BuildSummary(1, 1, 1, 1, 0.5, (Path("o/graph.ttl"),), ()).line()
    assert "from 1 document: 1 entity, 1 relation, 1 attribute in 0.5s" in line
    assert "2 entities, 0 relations" in BuildSummary(2, 2, 0, 3, 1, (), ()).line()


def test_an_invalid_date_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    outcome = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--date", "x")
    assert outcome.exit_code == 2 and "2024-03-21" in outcome.output
    assert outcome.output.strip().count("\n") == 0 and not (tmp_path / "o").exists()


def _varied_corpus(folder: Path, characters: int) -> None:
    """Copies of the seed article, each with its own company name, up to ``characters``."""
    text = (ROOT / "seeds" / "google-no-moat-memo.ja.txt").read_text(encoding="utf-8")
    folder.mkdir()
    for i in range(characters // len(text) + 1):
        (folder / f"d{i:03}.txt").write_text(
            f"記事{i}\n\n" + text.replace("Google", f"Goo{i}gle"), encoding="utf-8"
        )


def _children(pid: int) -> list[int]:
    import psutil

    return [c.pid for c in psutil.Process(pid).children(recursive=True)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("options", "processes"),
    [((), 2), (("--workers", "2"), 3)],  # spaCy's two processes; a Dask cluster's workers
    ids=["n_process", "dask-workers"],
)
def test_ctrl_c_during_a_parallel_parse_is_one_line_and_exit_130(
    tmp_path: Path, options: tuple[str, ...], processes: int
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    _varied_corpus(tmp_path / "in", 240_000)  # above the two-process threshold
    out = tmp_path / "out"
    build = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graph.cli",
            "build",
            str(tmp_path / "in"),
            "--out",
            str(out),
            *options,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 120
    while len(_children(build.pid)) < processes and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(_children(build.pid)) >= processes, "the parse did not start its processes"
    time.sleep(3.0)  # the workers are parsing
    workers = _children(build.pid)
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C on a terminal does
    _, stderr = build.communicate(timeout=120)
    assert build.returncode == 130
    assert stderr.decode().strip().splitlines() == ["Interrupted; no output was changed."]
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in"]
    import psutil

    time.sleep(1.0)
    alive = [p for p in workers if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
    assert alive == [], "worker processes outlived the build"


def test_processes_option_parses_in_that_many_processes_with_the_same_bytes(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(GOOD.replace("Claude 3", "Claude 4"), encoding="utf-8")
    plain, forked = tmp_path / "plain", tmp_path / "forked"
    assert run("build", str(tmp_path / "in"), "--out", str(plain)).exit_code == 0
    outcome = run("build", str(tmp_path / "in"), "--out", str(forked), "--processes", "2")
    assert outcome.exit_code == 0, outcome.output
    assert (forked / "graph.ttl").read_bytes() == (plain / "graph.ttl").read_bytes()


def test_processes_with_a_cluster_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    outcome = run(
        "build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--processes", "1",
        "--workers", "2",
    )  # fmt: skip
    assert outcome.exit_code != 0
    assert outcome.output.strip().count("\n") == 0 and "--processes" in outcome.output
    assert not (tmp_path / "o").exists()
