"""The README's examples are real: each `$ kg query ...` block prints what it shows."""

from __future__ import annotations

import re
import shlex

from click.testing import CliRunner

from graph.cli import cli
from tests.conftest import ROOT


def readme_examples() -> list[tuple[list[str], str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for command, output in re.findall(r"^\$ (kg [^\n]+)\n(.*?)(?=^\$ |\Z)", block, re.S | re.M):
            examples.append((shlex.split(command)[1:], output.strip()))
    return examples


def test_readme_has_query_examples() -> None:
    assert len(readme_examples()) >= 2


def test_readme_query_examples_match_kg_query(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    for args, shown in readme_examples():
        outcome = CliRunner().invoke(cli, args)
        assert outcome.exit_code == 0, outcome.output
        assert outcome.output.strip() == shown, f"README example is stale: kg {' '.join(args)}"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"kg {name}" in readme, f"kg {name} is not documented in the README"
