"""The page-code collector finds every Python block a page can hold, and only those."""

import textwrap

import pytest
from sybil import Sybil

from scripts import page_code  # the Sybil parser that the root conftest.py applies to docs/

PAGE = textwrap.dedent('''
    # A page

    ```python
    import numpy as np
    seen = ["plain"]
    ```

    ```py title="short fence name, with a title"
    seen.append("py")
    ```

    !!! note "Inside an admonition"

        ```pycon
        >>> seen.append("admonition")
        >>> len(seen)
        3
        ```

    === "Tab one"

        ```python
        seen.append("tab")
        ```

    === "Tab two"

        ```{ .python .torch }
        import torch  # another runtime: never run here
        ```

    ```text
    not code
    ```

    ```python
    --8<-- "refimpl/classic.py:sigmoid"
    ```

    ```pycon
    >>> print(seen)
    ['plain', 'py', 'admonition', 'tab']
    ```
''')


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(PAGE)
    sybil = Sybil(parsers=[page_code.PageCodeParser()], patterns=["*.md"])
    return sybil.parse(path)


def test_every_python_block_runs_and_no_other(document):
    examples = list(document)
    # plain, py, two admonition doctest lines, tab, the final doctest (not the included source)
    assert len(examples) == 6
    for example in examples:
        example.evaluate()
    assert document.namespace["seen"] == ["plain", "py", "admonition", "tab"]


def test_a_failing_example_fails(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("```pycon\n>>> 1 + 1\n3\n```\n")
    (example,) = list(Sybil(parsers=[page_code.PageCodeParser()], patterns=["*.md"]).parse(path))
    with pytest.raises(Exception, match="Expected:\\s+3\\s+Got:\\s+2"):
        example.evaluate()


def test_included_source_is_shown_not_run(tmp_path):
    # a block of snippet lines only, as the activation pages' "Implementation" sections have; the
    # path does not even exist, so running or reading it would fail
    path = tmp_path / "page.md"
    path.write_text('```python\n--8<-- "refimpl/no_such_module.py:f"\n'
                    '--8<-- "refimpl/no_such_module.py:g"\n```\n')
    assert list(Sybil(parsers=[page_code.PageCodeParser()], patterns=["*.md"]).parse(path)) == []


def test_code_beside_a_snippet_line_still_runs(tmp_path):
    # only a block that is nothing but inclusions is skipped; this one runs, as Python
    path = tmp_path / "page.md"
    path.write_text('```python\nimport math\n--8<-- "refimpl/classic.py:sigmoid"\n```\n')
    (example,) = list(Sybil(parsers=[page_code.PageCodeParser()], patterns=["*.md"]).parse(path))
    with pytest.raises(TypeError, match="unary -"):  # --8 < -"...": the line ran as Python
        example.evaluate()
