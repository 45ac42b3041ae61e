"""The arithmetic a process does (refimpl.arithmetic): what the caches key on, and what the Makefile
pins so that the pages' numbers are the same on every x86-64 machine (conventions#last-digits)."""

import os
import platform
import subprocess
import sys

import pytest

import refimpl.arithmetic
from refimpl import data

PINNED = {"NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR", "OPENBLAS_CORETYPE": "Haswell"}


def fingerprint_in(env: dict) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in PINNED}
    return subprocess.run([sys.executable, "-c", "from refimpl.arithmetic import fingerprint; print(fingerprint())"],
                          env={**clean, **env}, capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.skipif(platform.machine() != "x86_64", reason="the pinned arithmetic is x86-64's")
def test_the_fingerprint_reads_the_loops_and_kernels_in_use():
    pinned = fingerprint_in(PINNED)
    assert "simd baseline" in pinned and "blas Haswell" in pinned, pinned
    assert "blas Nehalem" in fingerprint_in({**PINNED, "OPENBLAS_CORETYPE": "Nehalem"})


def test_the_caches_key_on_the_arithmetic(monkeypatch):
    from refimpl import figures

    spec = figures.FIGURES["relu"]
    before = data.key("xor_threshold"), figures.cache_key(spec)
    monkeypatch.setattr(refimpl.arithmetic, "fingerprint", lambda: "numpy 0 | another machine")
    after = data.key("xor_threshold"), figures.cache_key(spec)
    assert before[0] != after[0], "a data-stage result would be served to a process with other arithmetic"
    assert before[1] != after[1], "a figure would be served to a process with other arithmetic"
