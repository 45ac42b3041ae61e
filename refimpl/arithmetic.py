"""Which arithmetic this process does: what decides the last bits of a float result.

NumPy picks a loop for exp, tanh, log and friends by the CPU's SIMD extensions at import time
(on x86-64: the baseline, AVX2 or AVX-512), and OpenBLAS picks its kernels by CPU model; the
loops and kernels differ in their last bits. A training run amplifies those bits, so one seed's
final accuracy can differ from one machine to another. The caches key on `fingerprint()` so that a
result is never reused by a process that would compute different bits, and the Makefile pins one
arithmetic on every x86-64 machine (NumPy's baseline loops, OpenBLAS's Haswell kernels): the
numbers printed on the pages are those.
"""

from __future__ import annotations

import ctypes
import os
import platform
from functools import lru_cache
from pathlib import Path


def _blas_core() -> str:
    """The kernel set OpenBLAS chose (``Haswell``, ``SkylakeX``, …), or what pins it."""
    import numpy

    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for lib in sorted(libs.glob("*openblas*")):
        try:
            handle = ctypes.CDLL(str(lib))
        except OSError:
            continue
        for symbol in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename",
                       "openblas_get_corename64_", "openblas_get_corename"):
            fn = getattr(handle, symbol, None)
            if fn is not None:
                fn.restype = ctypes.c_char_p
                return fn().decode()
    return "coretype=" + os.environ.get("OPENBLAS_CORETYPE", "default")


@lru_cache(maxsize=None)
def fingerprint() -> str:
    """NumPy's version, the machine, the SIMD targets NumPy dispatches to and the BLAS kernels.

    >>> "numpy" in fingerprint() and "blas" in fingerprint()
    True
    """
    import numpy
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    used = [t for t in __cpu_dispatch__ if __cpu_features__.get(t)]
    return (f"numpy {numpy.__version__} | {platform.machine()} | simd {' '.join(used) or 'baseline'}"
            f" | blas {_blas_core()} {os.environ.get('OPENBLAS_NUM_THREADS', '')}")
