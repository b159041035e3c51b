"""One typed decorator for every compiled function of the kernel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

import numba

F = TypeVar("F", bound=Callable[..., object])


def compiled(func: F) -> F:
    """Compile ``func`` with numba in nopython mode, caching the machine code on disk.

    The cache lets every later process load the kernel in a fraction of a second instead of
    compiling it again; ``boundscheck`` stays off because the arrays are sized once, up front.
    """
    return cast(F, numba.njit(cache=True, nogil=True)(func))
