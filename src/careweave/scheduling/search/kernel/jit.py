"""One typed decorator for every compiled function of the kernel, and a cache that cannot go stale.

numba checks a cached function against its own source file only: a function whose callee (or a
constant it reads, such as ``HARD``) changed in another file would keep running the old machine
code. So the whole kernel's cache is dropped whenever any source it is built from changes.

Those sources are the kernel package's own files and :mod:`careweave.scheduling.search.constants`,
nothing else. The kernel imports nothing of the Python search's state, so editing
:mod:`careweave.scheduling.search.state` keeps the compiled cache; a unit test
(``test_kernel_jit.py``) checks both that and that every file the kernel imports is a source here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

import numba

F = TypeVar("F", bound=Callable[..., object])

KERNEL = Path(__file__).resolve().parent
SOURCES = (*sorted(KERNEL.glob("*.py")), KERNEL.parent / "constants.py")
"""Every file whose code or constants end up in the kernel's machine code."""

# numba writes a function's cache beside the file it is defined in: the kernel's own, and
# search/__pycache__ for constants.excess, which the kernel compiles as it is.
CACHES = (KERNEL / "__pycache__", KERNEL.parent / "__pycache__")
STAMP = KERNEL / "__pycache__" / "kernel-sources.sha256"


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for path in SOURCES:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def drop_stale_cache() -> None:
    """Delete numba's cached machine code if any kernel source changed since it was written.

    A read-only install (where numba keeps its cache elsewhere) is left alone.
    """
    digest = _sources_digest()
    try:
        if STAMP.read_text() == digest:
            return
    except OSError:
        pass
    try:
        for folder in CACHES:
            for cached in (*folder.glob("*.nbi"), *folder.glob("*.nbc")):
                cached.unlink(missing_ok=True)
        STAMP.parent.mkdir(exist_ok=True)
        STAMP.write_text(digest)
    except OSError:
        return


drop_stale_cache()


def compiled(func: F) -> F:
    """Compile ``func`` with numba in nopython mode, caching the machine code on disk.

    The cache lets every later process load the kernel in a second instead of compiling it
    again (see :func:`drop_stale_cache` for when it is thrown away).
    """
    return cast(F, numba.njit(cache=True, nogil=True)(func))
