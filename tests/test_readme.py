"""The README works for a newcomer who follows it literally (issue 13, items 4 and 10): Debian's python3-venv, the
app keeping its terminal (tests in a second one), every `python` command being the project's .venv/bin/python,
and the CJK font the slide export needs declared for a deploy (packages.txt) and explained."""
from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE_BLOCKS = re.findall(r"```(?:sh|bash)?\n(.*?)```", README, flags=re.S)
INLINE_CODE = re.findall(r"`([^`\n]+)`", README)


def commands() -> list[str]:
    lines = [line.split("#")[0].strip() for block in CODE_BLOCKS for line in block.splitlines()]
    return [line for line in lines + INLINE_CODE if line]


def test_debian_needs_python3_venv():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "python3-venv" in quick_start
    assert re.search(r"apt-get install[^\n]*python3-venv", quick_start)


def test_the_app_keeps_its_terminal_and_tests_run_in_a_second_one():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "keeps this terminal" in quick_start
    assert "second terminal" in quick_start
    first_block = re.findall(r"```sh\n(.*?)```", quick_start, flags=re.S)[0]
    assert first_block.strip().splitlines()[-1].startswith(".venv/bin/streamlit run app.py")
    assert "bash .ci/run" not in first_block, "the test command is not chained after the app, which never returns"


def test_every_python_command_is_the_projects_interpreter():
    bare = [c for c in commands() if re.match(r"^python3?\s", c) and not c.startswith("python3 -m venv")]
    assert not bare, f"commands that would run the system's python: {bare}"
    assert ".venv/bin/python -m layers" in README


def test_slide_fonts_are_declared_for_a_deploy():
    packages = (ROOT / "packages.txt").read_text(encoding="utf-8").split()
    assert "fonts-noto-cjk" in packages, "Streamlit Community Cloud installs the Debian packages in packages.txt"
    deploy = README.split("## Deploy", 1)[1]
    assert "packages.txt" in deploy and "fonts-noto-cjk" in deploy and "Noto Sans CJK" in deploy
