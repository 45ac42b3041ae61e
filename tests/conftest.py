"""Shared fixtures: one strict build of the site per test session, and a local server for it."""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from builds import build_env

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The site, both editions (the Chinese at zh/), built as `make build` builds it (the data
    stage into build/data, then `mkdocs build --strict`): once per test run. Parallel workers
    share it: the first to ask builds it under a lock, the others wait and reuse it (it is
    read-only for the tests). tests/test_determinism.py compares it with a build from nothing."""
    import fcntl

    workerinput = getattr(request.config, "workerinput", None)
    run = workerinput["testrunuid"] if workerinput else f"pid-{os.getpid()}"
    site = ROOT / "build" / "site-test"
    site.parent.mkdir(parents=True, exist_ok=True)
    done = ROOT / "build" / "site-test.run"  # which run the site was built for
    with open(ROOT / "build" / "site-test.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.is_file() and done.read_text() == run:
            return site
        done.unlink(missing_ok=True)
        steps = [("the data stage", ["refimpl.data"])] + [
            (f"strict build of {config}", ["mkdocs", "build", "--strict", "--clean", "-f", config,
                                          "--site-dir", str(site_dir)])
            for config, site_dir in (("mkdocs.yml", site), ("mkdocs.zh.yml", site / "zh"))]
        for what, args in steps:
            proc = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=build_env("test"),
                                  capture_output=True, text=True)
            assert proc.returncode == 0, f"{what} failed:\n{proc.stderr[-4000:]}"
        done.write_text(run)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """http://127.0.0.1:PORT/ serving the built site (loopback only), for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# `make test-fast` deselects by marker (-m "not site and not browser"), and the marks follow from
# what a test uses, so a new test that builds the site or opens Chromium is marked without anyone
# keeping a list. A test that builds a site of its own says so itself: pytestmark = pytest.mark.site.
_BUILDS_ITS_OWN_SITE = ("tests/test_determinism.py",)  # until it carries that pytestmark line


def pytest_collection_modifyitems(config, items):
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        if "browser" in uses:  # the Chromium fixture, directly or through `page`
            item.add_marker(pytest.mark.browser)
        if "built_site" in uses or item.nodeid.startswith(_BUILDS_ITS_OWN_SITE):
            item.add_marker(pytest.mark.site)
    # The two longest tests (each builds a site of its own, about two minutes) go first, one to
    # each worker, so that the rest runs beside them instead of after them. `make test` passes
    # --no-loadscope-reorder, or xdist would queue files by test count, one-test files last.
    items.sort(key=lambda item: 0 if item.nodeid.startswith(_LONGEST) else 1)  # stable


_LONGEST = ("tests/test_determinism.py", "tests/test_activation_pages.py::test_an_added_activation")


# The browser tests must really run: a session that collected them fails if none passed or one was
# skipped, so a missing Chromium or a stray skip/xfail can never leave `make test` green.
_BROWSER = "tests/test_browser.py"
_browser = {"collected": 0, "passed": 0, "skipped": []}


def pytest_collection_finish(session):
    _browser["collected"] += sum(item.nodeid.startswith(_BROWSER) for item in session.items)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):  # under xdist, the workers collect
    _browser["collected"] = max(_browser["collected"], sum(i.startswith(_BROWSER) for i in ids))


def pytest_runtest_logreport(report):
    if report.nodeid.startswith(_BROWSER):
        if report.skipped:  # xfail is reported as skipped too
            _browser["skipped"].append(report.nodeid)
        elif report.passed and report.when == "call":
            _browser["passed"] += 1


def pytest_sessionfinish(session):
    if (hasattr(session.config, "workerinput") or session.config.option.collectonly
            or not _browser["collected"]):
        return
    why = []
    if not _browser["passed"]:
        why.append("no browser test passed")
    if _browser["skipped"]:
        why.append("browser tests skipped: " + ", ".join(_browser["skipped"]))
    if why:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.line("")  # the progress line may not have ended
        for line in why:
            reporter.write_line(f"FAILED SESSION: {line} (the browser tests must run)", red=True, bold=True)
        session.exitstatus = session.exitstatus or 1


# The Chinese edition's stale parts, listed at the end of every run without failing it: pages whose
# English source changed since they were translated (scripts/edition.py), and generated strings
# rendered in English for want of a translation (refimpl/locale/zh.po: new, fuzzy, or missing).
def stale_translations() -> list[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    import edition

    from refimpl import i18n

    lines = [f"stale page: {p.relative_to(ROOT)} (English source changed since; update it, then "
             f"scripts/edition.py stamp)" for p in edition.stale()]
    from babel.messages.pofile import read_po

    with open(i18n.LOCALE / "zh.po", "rb") as f:
        todo = [m.id for m in read_po(f) if m.id and (not m.string or m.fuzzy)]
    lines += [f"untranslated string (zh.po): {s[:100]!r}" for s in todo]
    # Only this run's build (built_site's directory): other build directories may hold old reports.
    report = Path(build_env("test")["REFIMPL_GENERATED"]) / "zh" / "tables" / "untranslated.json"
    if report.is_file():
        import json

        known = set(todo)
        lines += [f"untranslated string (not in zh.po; run python -m refimpl.locale update): {s[:100]!r}"
                  for s in json.loads(report.read_text(encoding="utf-8")) if s not in known]
    return sorted(set(lines))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if hasattr(config, "workerinput"):
        return
    lines = stale_translations()
    if lines:
        terminalreporter.section("Chinese edition: stale translations (not a failure)")
        for line in lines:
            terminalreporter.line(line)
