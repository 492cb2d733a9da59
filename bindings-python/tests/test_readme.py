"""The README's Python quick start runs as written."""

from __future__ import annotations

import re

from conftest import REPO


def python_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("## Python quick start")
    end = text.find("\n## ", start + 1)
    section = text[start : end if end != -1 else None]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_readme_quick_start_runs() -> None:
    blocks = python_blocks()
    assert blocks, "the README has no Python quick start"
    namespace: dict[str, object] = {"__name__": "readme"}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
