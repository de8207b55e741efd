"""The README opens with the two commands, CI runs them, and every CLI option is documented."""

from __future__ import annotations

import re

import click

from conftest import ROOT
from unspin.cli import cli

README = (ROOT / "README.md").read_text()


def sh_blocks() -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```$", README, re.S | re.M)


def test_readme_opens_with_exactly_two_commands() -> None:
    before_first_section = README.split("\n## ")[0]
    blocks = re.findall(r"^```sh\n(.*?)^```$", before_first_section, re.S | re.M)
    assert len(blocks) == 2
    run_example, run_tests = (b.strip() for b in blocks)
    assert "\n" not in run_example and "\n" not in run_tests
    assert run_example.startswith("python3 -m venv .venv")
    assert "unspin analyze src/unspin/examples/valdoria-crackdown.txt" in run_example
    assert (ROOT / "src/unspin/examples/valdoria-crackdown.txt").is_file()
    assert run_tests.endswith("pytest")


def test_ci_runs_the_readme_commands_word_for_word() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    for command in sh_blocks()[:2]:
        assert command.strip() in ci_lines


def test_every_analyze_option_is_in_the_readme() -> None:
    analyze = cli.commands["analyze"]
    assert isinstance(analyze, click.Command)
    for param in analyze.params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}" in README or f" {opt}" in README for opt in param.opts), param.opts
