from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graph.outputs import MANIFEST, OutputFolder, OutputFolderError, write_atomic


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.ttl"
    write_atomic(target, "old")
    write_atomic(target, b"new")
    assert target.read_text() == "new"
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "graph.ttl"
    write_atomic(target, "old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("graph.outputs.os.replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


# --- issue 10 item 4: a build's outputs are all or nothing ------------------------------


ROOT = Path(__file__).resolve().parent.parent


def publish(out: Path, files: dict[str, str]) -> None:
    with OutputFolder.prepare(out) as folder:
        for name, text in files.items():
            write_atomic(folder.path(name), text)
        folder.commit(files)


def listing(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def test_outputs_appear_together_and_other_files_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish(out, {"graph.ttl": "old ttl", "graph.html": "old html", "graph.jsonld": "old"})
    (out / "graph.png").write_text("picture")
    (out / "notes").mkdir()
    (out / "notes" / "todo.txt").write_text("mine")
    publish(out, {"graph.ttl": "new ttl", "graph.html": "new html"})
    # graph.jsonld was an output of the last build and is not one of this build: gone,
    # so no stale export sits beside the new graph; files the build never wrote stay.
    assert listing(out) == {
        "graph.html": "new html",
        "graph.png": "picture",
        "graph.ttl": "new ttl",
        "notes/todo.txt": "mine",
    }
    assert json.loads((out / MANIFEST).read_text())["outputs"] == ["graph.ttl", "graph.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporaries left


def test_an_interrupted_build_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish(out, {"graph.ttl": "old ttl", "graph.html": "old html"})
    with pytest.raises(KeyboardInterrupt), OutputFolder.prepare(out) as folder:
        write_atomic(folder.path("graph.ttl"), "new ttl")
        raise KeyboardInterrupt  # Ctrl-C before the HTML is written
    assert listing(out) == {"graph.html": "old html", "graph.ttl": "old ttl"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


_KILLED_BUILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    import graph.outputs as outputs

    out, mode, ready = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])

    def hang(*args, **kwargs):
        ready.write_text("ready")
        time.sleep(600)

    if mode == "before-swap":
        outputs._exchange = hang
    else:  # the two-rename fallback, killed between its renames
        outputs._exchange = lambda first, second: False
        real_rename = os.rename
        renames = []

        def rename(src, dst):
            real_rename(src, dst)
            renames.append(dst)
            if len(renames) == 1:
                hang()

        os.rename = rename
    with outputs.OutputFolder.prepare(out) as folder:
        outputs.write_atomic(folder.path("graph.ttl"), "new ttl")
        outputs.write_atomic(folder.path("graph.html"), "new html")
        folder.commit(["graph.ttl", "graph.html"])
    """
)


@pytest.mark.parametrize("mode", ["before-swap", "between-renames"])
def test_kill_9_mid_swap_never_mixes_old_and_new(tmp_path: Path, mode: str) -> None:
    out = tmp_path / "out"
    publish(out, {"graph.ttl": "old ttl", "graph.html": "old html"})
    ready = tmp_path / "ready"
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_BUILD, str(out), mode, str(ready)], cwd=ROOT
    )
    deadline = time.monotonic() + 60
    while not ready.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready.exists(), "the build did not reach the swap"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    ready.unlink()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    assert leftovers  # what the killed build left
    if out.exists():
        assert listing(out) == {"graph.html": "old html", "graph.ttl": "old ttl"}
    # The next build cleans up (and, mid-fallback, first puts the old folder back).
    OutputFolder.clean_leftovers(out)
    assert listing(out) == {"graph.html": "old html", "graph.ttl": "old ttl"}
    publish(out, {"graph.ttl": "new ttl", "graph.html": "new html"})
    assert listing(out) == {"graph.html": "new html", "graph.ttl": "new ttl"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_live_builds_staging_folder_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish(out, {"graph.ttl": "old"})
    live = tmp_path / f".out.kg-new-{os.getppid()}-abc"
    dead = tmp_path / ".out.kg-new-999999999-abc"
    live.mkdir()
    dead.mkdir()
    OutputFolder.clean_leftovers(out)
    assert live.exists() and not dead.exists()


def test_bad_output_folders_fail_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputFolderError, match="is a file"):
        OutputFolder.prepare(tmp_path / "file")
    with pytest.raises(OutputFolderError, match="a file where a folder must be"):
        OutputFolder.prepare(tmp_path / "file" / "out")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "graph.ttl").write_text("old")
    locked.chmod(0o555)
    try:
        with pytest.raises(OutputFolderError, match="read-only"):
            OutputFolder.prepare(locked)
    finally:
        locked.chmod(0o755)
    (tmp_path / "in").mkdir()
    with pytest.raises(OutputFolderError, match="holds the input"):
        OutputFolder.prepare(tmp_path, inputs=[tmp_path / "in"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "in", "locked"]
    assert (locked / "graph.ttl").read_text() == "old"


def test_missing_parents_are_made_only_when_the_outputs_are_complete(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "out"
    with OutputFolder.prepare(out) as folder:
        write_atomic(folder.path("graph.ttl"), "ttl")
        assert not (tmp_path / "a").exists()
        folder.commit(["graph.ttl"])
    assert listing(out) == {"graph.ttl": "ttl"}
    assert [p.name for p in tmp_path.iterdir()] == ["a"]
