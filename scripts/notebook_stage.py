"""The notebook stage: each jupytext notebook executed once into an .ipynb that mkdocs-jupyter
renders without executing it (``execute: false``).

    python scripts/notebook_stage.py --out DIR NOTEBOOK.py ...

writes DIR/NAME.ipynb for each notebook whose key changed, on two processes (each cell waits on
its own kernel, so two notebooks keep both cores busy), and DIR/manifest.json (NAME -> key).
A notebook that raises stops the stage with its path and the cell's traceback.

The key of a notebook covers everything its execution reads:
- its own bytes;
- every file under refimpl/ (code and references.bib): every notebook imports refimpl.figures,
  which imports every refimpl module, so a shorter list would be a guess;
- the data-stage results it names in a ``data.get("NAME")`` (their cache files, which hold the
  key of the code that computed them);
- the arithmetic (refimpl.arithmetic: NumPy's SIMD loops and OpenBLAS's kernels, which the
  kernels inherit from this process's environment);
- the interpreter and requirements.lock: they fix the kernel (ipykernel runs the cells with
  this interpreter), nbclient, and every library the cells call;
- this module's source: the math rewriting and cell numbering below.
Notebooks with the same key (the same bytes) are executed once.

Markdown math is written here as pymdownx.arithmatex writes it (``<span class="arithmatex">\\(..\\)
</span>``, display math ``\\[..\\]``), so that the site's one MathJax configuration serves the
notebook pages and ``$`` is never a delimiter. The span's contents are backslash-escaped for
Markdown, so nbconvert's renderer passes them through as text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFIMPL = ROOT / "refimpl"
DATA = Path(os.environ.get("REFIMPL_DATA") or ROOT / "build" / "data")
# REFIMPL_EXECUTE_NOTEBOOKS=0 writes the notebooks unexecuted: for a build that tests something
# else (the added-activation test); the mode is part of the key, so the two never share a copy.
EXECUTE = os.environ.get("REFIMPL_EXECUTE_NOTEBOOKS", "1") != "0"
TIMEOUT = 900  # seconds per cell: the slowest experiment cell takes about a minute on a busy machine


def _tree_digest(root: Path) -> bytes:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.digest()


_DATA_GET = re.compile(r"""data\.get\(\s*["'](\w+)["']""")


def _common(refimpl: Path = REFIMPL) -> bytes:
    """The part of every notebook's key that is not the notebook's own: computed once per run,
    since hashing refimpl/ is most of the cost of a key."""
    from refimpl.arithmetic import fingerprint

    h = hashlib.sha256(f"{sys.version}|{sys.executable}|{fingerprint()}|execute={EXECUTE}".encode())
    for part in (_tree_digest(refimpl), (ROOT / "requirements.lock").read_bytes(),
                 Path(__file__).read_bytes()):
        h.update(hashlib.sha256(part).digest())
    return h.digest()


def key(notebook: Path, refimpl: Path = REFIMPL, data: Path = DATA,
        common: bytes | None = None) -> str:
    """The cache key of one notebook (see the module docstring for what it covers); `common` is
    `_common(refimpl)`, when the caller already has it."""
    source = notebook.read_bytes()
    h = hashlib.sha256(common or _common(refimpl))
    h.update(hashlib.sha256(source).digest())
    for name in sorted(set(_DATA_GET.findall(source.decode()))):
        result = data / f"{name}.json"
        h.update(name.encode() + (result.read_bytes() if result.exists() else b"missing"))
    return h.hexdigest()


def keys(notebooks: list[Path]) -> dict[Path, str]:
    common = _common()
    return {nb: key(nb, common=common) for nb in notebooks}


def stale(notebooks: list[Path], out: Path, known: dict[Path, str] | None = None) -> list[Path]:
    """The notebooks whose executed copy in `out` is missing or was made from other inputs."""
    manifest = _manifest(out)
    known = known or keys(notebooks)
    return [nb for nb in notebooks
            if manifest.get(nb.stem) != known[nb] or not (out / f"{nb.stem}.ipynb").exists()]


def _manifest(out: Path) -> dict:
    path = out / "manifest.json"
    return json.loads(path.read_text()) if path.exists() else {}


# -- math, as arithmatex writes it ----------------------------------------------------------------
_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|(`+).+?\2", re.S | re.M)
_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$"
                   r"|(?<![\\$])\$(?P<inline>[^\s$](?:[^$]*?[^\s\\$])?)\$"
                   r"|(?P<env>\\begin\{(?P<name>[A-Za-z*]+)\}.*?\\end\{(?P=name)\})", re.S)
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _span(tex: str) -> str:
    # Every ASCII punctuation character escaped: Markdown gives back the TeX unchanged.
    return '<span class="arithmatex">' + _PUNCTUATION.sub(r"\\\1", tex) + "</span>"


def _math_to_arithmatex(match: re.Match) -> str:
    if match["display"] is not None:
        return _span(f"\\[{match['display']}\\]")
    if match["inline"] is not None:
        return _span(f"\\({match['inline']}\\)")
    return _span(f"\\[{match['env']}\\]")


def arithmatex(markdown: str) -> str:
    """Markdown with its math ($..$, $$..$$, \\begin{env}..\\end{env}) as arithmatex spans; code
    spans and fenced blocks are left alone."""
    out, at = [], 0
    for code in _CODE.finditer(markdown):
        out += [_MATH.sub(_math_to_arithmatex, markdown[at:code.start()]), code.group()]
        at = code.end()
    return "".join(out + [_MATH.sub(_math_to_arithmatex, markdown[at:])])


# -- execution --------------------------------------------------------------------------------
class NotebookFailed(RuntimeError):
    pass


def execute(notebook: Path) -> str:
    """The notebook executed, with its math rewritten, as .ipynb text."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = jupytext.read(notebook)
    for i, cell in enumerate(nb.cells):  # jupytext's ids are random: keep the file reproducible
        cell.id = f"cell-{i}"
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(notebook.parent)}})
    try:
        if EXECUTE:
            client.execute()
    except CellExecutionError as err:
        raise NotebookFailed(f"notebook {notebook} failed:\n{err}") from None
    # A page shows only what its cells mean to print: a warning (a deprecation, a library's
    # one-time notice) would differ from build to build and sit in the page unread.
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", ()):
            if output.get("name") == "stderr":
                raise NotebookFailed(f"notebook {notebook}: cell {i} wrote to stderr:\n{output.text}")
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = arithmatex(cell.source)
        for output in cell.get("outputs", ()):
            if "text/markdown" in output.get("data", {}):
                output.data["text/markdown"] = arithmatex(output.data["text/markdown"])
    return nbformat.writes(nb)


def translated(source: Path, executed: Path, out: Path) -> Path:
    """A translated notebook (NAME.zh.py) with the outputs of its English original's executed copy:
    its code is the English code (comments aside), so it is not executed a second time. Raises
    NotebookFailed, naming both files, if a code cell differs."""
    import jupytext
    import nbformat

    sys.path.insert(0, str(ROOT / "scripts"))
    import edition

    nb, original = jupytext.read(source), nbformat.read(executed, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    done = [c for c in original.cells if c.cell_type == "code"]
    same = len(code) == len(done) and all(
        edition._normalise_code("python", a.source) == edition._normalise_code("python", b.source)
        for a, b in zip(code, done))
    if not same:
        raise NotebookFailed(f"notebook {source}: its code is not that of {executed.name}'s source "
                             "(scripts/edition.py check shows where)")
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
        if cell.cell_type == "markdown":
            cell.source = arithmatex(cell.source)
    for cell, ran in zip(code, done):
        cell.outputs, cell.execution_count = ran.outputs, ran.execution_count
    text = nbformat.writes(nb)
    if not out.is_file() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")
    return out


def run(notebooks: list[Path], out: Path, workers: int = 2) -> dict[str, str]:
    """Execute the stale notebooks into `out`; return name -> "executed" or "cached"."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = _manifest(out)
    known = keys(notebooks)
    todo = stale(notebooks, out, known)
    by_key: dict[str, list[Path]] = {}
    for nb in todo:
        by_key.setdefault(known[nb], []).append(nb)
    firsts = [group[0] for group in by_key.values()]
    if firsts and EXECUTE:
        # matplotlib's font list, built here before any kernel starts: a kernel that has to build
        # it, on a busy machine, logs "Matplotlib is building the font cache" after 5 s, into a cell
        import matplotlib.font_manager  # noqa: F401
    status = {nb.stem: "cached" for nb in notebooks if nb not in todo}
    try:
        for (k, group), text in zip(by_key.items(), _map(execute, firsts, workers)):
            for nb in group:
                tmp = out / f".{nb.stem}.{os.getpid()}.tmp"
                tmp.write_text(text)
                os.replace(tmp, out / f"{nb.stem}.ipynb")
                manifest[nb.stem] = k
                status[nb.stem] = "executed"
    finally:  # notebooks executed before a failure stay cached
        (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return status


def _map(fn, items: list, workers: int):
    if workers < 2 or len(items) < 2:
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(min(workers, len(items))) as pool:
        yield from pool.map(fn, items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/notebook_stage.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("notebooks", type=Path, nargs="+")
    args = parser.parse_args(argv)
    try:
        status = run(args.notebooks, args.out, args.jobs)
    except NotebookFailed as err:
        print(f"notebook stage: {err}", file=sys.stderr)
        return 1
    executed = sum(s == "executed" for s in status.values())
    print(f"notebook stage: {executed} executed, {len(status) - executed} cached, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
