"""Junk values and where to put them: for tests that bad input is refused, never a crash."""

from __future__ import annotations

import copy
import math
from typing import Any

JUNK: list[Any] = [
    None,
    True,
    -1,
    0,
    1.5,
    1e308,
    math.nan,
    "",
    "x",
    [],
    [1],
    [1, 2],
    [[1]],
    {},
    {"a": 1},
    "amy",
    10**20,
]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (keys and indices from the root)."""
    found = [prefix]
    if isinstance(value, dict):
        for name, inner in value.items():
            found += paths(inner, (*prefix, name))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


def replaced(data: Any, path: tuple[Any, ...], junk: Any) -> Any:
    """A copy of ``data`` with ``junk`` at ``path``."""
    if not path:
        return junk
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = junk
    return data
