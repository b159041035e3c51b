"""Reading JSON values with a clear :class:`ProblemError` naming the item and field at fault."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from careweave.scheduling.items import ProblemError


def load_json(path: str | Path) -> Any:
    """Parse the JSON file at ``path``; a missing file or bad JSON becomes a ProblemError."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemError(str(source), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemError(str(source), f"cannot be read ({exc.__class__.__name__})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(
            str(source), f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def obj(value: Any, item: str) -> Mapping[str, Any]:
    """``value`` as a JSON object."""
    if not isinstance(value, Mapping):
        raise ProblemError(item, "must be a JSON object")
    return value


def seq(value: Any, item: str) -> Sequence[Any]:
    """``value`` as a JSON list."""
    if not isinstance(value, list):
        raise ProblemError(item, "must be a list")
    return value


def key(data: Mapping[str, Any], name: str, item: str) -> Any:
    """The required field ``name`` of ``data``."""
    if name not in data:
        raise ProblemError(item, f"{name} is missing")
    return data[name]


def text(value: Any, item: str, name: str) -> str:
    """``value`` as non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise ProblemError(item, f"{name} must be non-empty text, not {value!r}")
    return value


def optional_text(value: Any, item: str, name: str) -> str | None:
    """``value`` as non-empty text, or None."""
    return None if value is None else text(value, item, name)


def texts(value: Any, item: str, name: str) -> frozenset[str]:
    """``value`` as a set of non-empty texts (a JSON list of strings)."""
    return frozenset(text(v, item, name) for v in seq(value, f"{item}: {name}"))


def number(value: Any, item: str, name: str, *, allow_inf: bool = False) -> float:
    """``value`` as a float; ``null`` means infinity when ``allow_inf``."""
    if value is None and allow_inf:
        return math.inf
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProblemError(item, f"{name} must be a number, not {value!r}")
    return float(value)


def optional_number(value: Any, item: str, name: str) -> float | None:
    """``value`` as a float, or None."""
    return None if value is None else number(value, item, name)


def whole(value: Any, item: str, name: str) -> int:
    """``value`` as an int (a JSON number without a fraction)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value != int(value)
    ):
        raise ProblemError(item, f"{name} must be a whole number, not {value!r}")
    return int(value)


def pair(value: Any, item: str, name: str) -> tuple[float, float]:
    """``value`` as a two-number list ``[a, b]``."""
    if not isinstance(value, list) or len(value) != 2:
        raise ProblemError(item, f"{name} must be a list of two numbers, not {value!r}")
    return number(value[0], item, name), number(value[1], item, name)


def finite_or_null(value: float) -> float | None:
    """``value`` for JSON: infinity is written as ``null``."""
    return None if math.isinf(value) else value
