"""Reading one HSDS JSON object field by field, noting every wrong value instead of stopping at
the first, so that an import can name all of a record's problems at once."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, TypeVar

from careweave.domain.community.whole_directory import Problem
from careweave.domain.errors import DomainValidationError

T = TypeVar("T")


class Fields:
    """The fields of the object found at ``where``; each wrong one is added to ``problems``."""

    def __init__(self, data: object, where: str, problems: list[Problem]) -> None:
        self.where = where
        self.problems = problems
        self.failed = not isinstance(data, dict)
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        if self.failed:
            problems.append(Problem(where, "", "must be a JSON object"))

    def wrong(self, name: str, message: str) -> None:
        """Note that field ``name`` is wrong."""
        self.failed = True
        self.problems.append(Problem(self.where, name, message))

    def text(self, name: str) -> str:
        """A text field ('' when missing or null)."""
        value = self.data.get(name)
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        self.wrong(name, "must be text")
        return ""

    def optional_id(self, name: str) -> str | None:
        """An identifier field, ``None`` when missing, null or empty."""
        return self.text(name) or None

    def number(self, name: str) -> float | None:
        """A number field (``None`` when missing or null)."""
        value = self.data.get(name)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.wrong(name, "must be a number")
            return None
        return value

    def integer(self, name: str, default: int) -> int:
        """A whole-number field (``default`` when missing or null)."""
        value = self.number(name)
        if value is None:
            return default
        if value != int(value):
            self.wrong(name, "must be a whole number")
        return int(value)

    def _parsed(self, name: str, parse: Callable[[str], T], shape: str) -> T | None:
        text = self.text(name)
        if not text:
            return None
        try:
            return parse(text)
        except ValueError:
            self.wrong(name, f"{text!r} is not {shape}")
            return None

    def date(self, name: str) -> date | None:
        """An ISO 8601 date field (YYYY-MM-DD)."""
        return self._parsed(name, date.fromisoformat, "a date (YYYY-MM-DD)")

    def time(self, name: str) -> time | None:
        """A time of day field (HH:MM or HH:MM:SS)."""
        return self._parsed(name, _time_of_day, "a time of day (HH:MM:SS)")

    def moment(self, name: str) -> datetime | None:
        """A date-time field with its zone (RFC 3339)."""
        return self._parsed(name, _moment, "a date and time with its zone (RFC 3339)")

    def objects(self, name: str) -> list[tuple[str, object]]:
        """The items of a list-of-objects field with where each is (``[]`` when missing)."""
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.wrong(name, "must be a list")
            return []
        return [(f"{self.where}.{name}[{n}]", item) for n, item in enumerate(value)]

    def parts(self, name: str, read: Callable[[Fields], T | None]) -> tuple[T, ...]:
        """The records of a list field, each read by ``read``; one that fails fails this record
        too (its own problems are already noted)."""
        found: list[T] = []
        for where, item in self.objects(name):
            value = read(Fields(item, where, self.problems))
            if value is None:
                self.failed = True
            else:
                found.append(value)
        return tuple(found)

    def build(self, make: Callable[[], T]) -> T | None:
        """The record ``make`` builds from the fields read, or ``None`` (with the problem noted)
        when a field was wrong or the domain refuses it."""
        if self.failed:
            return None
        try:
            return make()
        except DomainValidationError as exc:
            self.wrong(exc.field.partition(".")[2] or exc.field, exc.message)
            return None


def _time_of_day(text: str) -> time:
    if len(text) not in (5, 8) or text[2] != ":":
        raise ValueError(text)
    return time.fromisoformat(text)


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment
