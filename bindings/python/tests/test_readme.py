"""The README's Python examples run as written."""

import contextlib
import io
import re

from conftest import REPO

README = REPO / "bindings" / "python" / "README.md"


def test_readme_examples_run():
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks
    for block in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, str(README), "exec"), {})
        assert "500 expired" in out.getvalue()
