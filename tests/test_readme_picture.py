"""`scripts/readme_picture.py`: the README picture is made by a command, not by the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.pipeline import build_outputs
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.browser


def test_readme_picture_command_writes_a_screenshot_where_told(tmp_path: Path) -> None:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium not installed (apt-get install chromium)")
    build_outputs([SEEDS], tmp_path / "out")
    picture = tmp_path / "graph.png"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "readme_picture.py"),
            "--page",
            str(tmp_path / "out" / "graph.html"),
            "--out",
            str(picture),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 10_000


def test_readme_picture_command_needs_a_built_page(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "readme_picture.py"),
            "--page",
            str(tmp_path / "x"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "run `kg build` first" in result.stderr
