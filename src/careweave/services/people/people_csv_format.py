"""The people CSV format (docs/people-csv.md): its columns, and reading rows into people.

Reading is a pure function: it takes the text and the teams that exist, and returns either every
person or every problem, each naming its row and column as a spreadsheet shows them (the header is
row 1). Validation reuses the domain's own rules, so the CSV accepts exactly what careweave accepts
anywhere else.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from careweave.domain.errors import DomainError, DomainValidationError
from careweave.domain.people.person import (
    ABOUT_ME_TITLES,
    AboutMe,
    AboutMeSection,
    CareModel,
    Person,
)
from careweave.domain.values import Location, require_member, require_text
from careweave.domain.workforce.workers import Team

ABOUT_ME_COLUMNS: dict[str, AboutMeSection] = {
    f"about_me_{section.value}": section for section in ABOUT_ME_TITLES
}
COLUMNS: tuple[str, ...] = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "gender",
    "nhs_number",
    "address",
    "postcode",
    "lat",
    "lon",
    "team",
    "care_model",
    "languages",
    "continuity_target",
    *ABOUT_ME_COLUMNS,
)
REQUIRED_COLUMNS = frozenset(
    {"given_name", "family_name", "date_of_birth", "address", "postcode", "lat", "lon"}
)
TEXT_COLUMNS = frozenset(
    {"given_name", "family_name", "preferred_name", "gender", "address", *ABOUT_ME_COLUMNS}
)
# Great Britain and Northern Ireland with a margin; catches swapped or mistyped coordinates.
UK_LAT = (49.0, 61.0)
UK_LON = (-9.0, 2.0)
GENDER_MAX_LENGTH = 40
# Spreadsheets run a cell that starts with one of these as a formula; export puts an apostrophe
# before such text and import takes it off again (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
# Stand-ins for cells that could not be read, so the domain still checks every other cell.
PLACEHOLDER_LOCATION = Location(53.5, -2.6)
PLACEHOLDERS: dict[str, Any] = {
    "given_name": "x",
    "family_name": "x",
    "preferred_name": "",
    "date_of_birth": date(1950, 1, 1),
    "address": "x",
    "postcode": "WN1 1AA",
    "location": PLACEHOLDER_LOCATION,
    "nhs_number": "",
    "continuity_target": 3,
    "languages": ("en",),
}


@dataclass(frozen=True, slots=True)
class CsvProblem:
    """One thing wrong with the file: where (row and column, when known) and what."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [
            f"row {self.row}" if self.row else "",
            f"column {self.column}" if self.column else "",
        ]
        place = ", ".join(part for part in where if part)
        return f"{place}: {self.message}" if place else self.message


class PeopleCsvError(DomainError):
    """The file was refused; ``problems`` lists every problem found, in row order."""

    def __init__(self, problems: Sequence[CsvProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A person read from the file, with the row they came from."""

    row: int
    person: Person


def read_people(lines: Iterable[str], teams: Sequence[Team], today: date) -> list[ParsedRow]:
    """Every person in the CSV ``lines`` (nobody born after ``today``); raises
    :class:`PeopleCsvError` listing every problem."""
    problems: list[CsvProblem] = []
    parsed: list[ParsedRow] = []
    rows = _rows(lines, problems)
    header = next(rows, None)
    if header is None:
        raise PeopleCsvError(
            problems or [CsvProblem(1, None, "the file is empty; row 1 must name the columns")]
        )
    # A byte-order mark left by a reader that did not decode it as utf-8-sig is not part of a name.
    names = [name.strip().lstrip("\ufeff") for name in header[1]]
    problems.extend(_header_problems(names))
    if problems:
        raise PeopleCsvError(problems)
    resolve_team = _team_resolver(teams)
    for number, cells in rows:
        if len(cells) != len(names):
            message = f"has {len(cells)} cells but row 1 names {len(names)} columns"
            problems.append(CsvProblem(number, None, message))
            continue
        cells_by_column = dict(zip(names, cells, strict=True))
        person, row_problems = person_from_cells(number, cells_by_column, resolve_team, today)
        problems.extend(row_problems)
        if person is not None:
            parsed.append(ParsedRow(number, person))
    if not problems and not parsed:
        problems.append(CsvProblem(2, None, "the file has a header but no people"))
    if problems:
        raise PeopleCsvError(problems)
    return parsed


def _rows(lines: Iterable[str], problems: list[CsvProblem]) -> Iterator[tuple[int, list[str]]]:
    """Non-blank CSV records numbered as a spreadsheet shows them; read errors go to ``problems``."""
    reader = csv.reader(lines)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                yield number, cells
    except csv.Error as exc:
        problems.append(CsvProblem(number + 1, None, f"cannot be read as CSV ({exc})"))
    except UnicodeDecodeError:
        # Text is decoded in blocks, so the row is not known: name the file instead.
        message = "the file is not UTF-8 text; save it as 'CSV UTF-8' and try again"
        problems.append(CsvProblem(None, None, message))


def _header_problems(names: list[str]) -> list[CsvProblem]:
    problems = [
        CsvProblem(
            1,
            name or f"{index + 1} (unnamed)",
            "unknown column; the columns are: " + ", ".join(COLUMNS),
        )
        for index, name in enumerate(names)
        if name not in COLUMNS
    ]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            problems.append(CsvProblem(1, name, "appears more than once"))
        seen.add(name)
    problems.extend(
        CsvProblem(1, name, "this required column is missing")
        for name in COLUMNS
        if name in REQUIRED_COLUMNS and name not in seen
    )
    return problems


def _team_resolver(teams: Sequence[Team]) -> Callable[[str], str | None]:
    by_key = {team.id: team.id for team in teams}
    by_key.update({team.name.casefold(): team.id for team in teams})

    def resolve(text: str) -> str | None:
        if not text:
            return None
        found = by_key.get(text) or by_key.get(text.casefold())
        if found is None:
            names = ", ".join(sorted(t.name for t in teams)[:10]) or "none yet"
            raise DomainValidationError("team", f"no team is called {text!r} (teams: {names})")
        return found

    return resolve


def person_from_cells(
    row: int, cells: dict[str, str], resolve_team: Callable[[str], str | None], today: date
) -> tuple[Person | None, list[CsvProblem]]:
    """The person in one row (born by ``today``), or the problems with it (every one, not just
    the first)."""
    problems: list[CsvProblem] = []
    values: dict[str, Any] = dict(PLACEHOLDERS)
    for column, parse in _PARSERS.items():
        if column in cells or column in REQUIRED_COLUMNS:
            try:
                values[column] = parse(_unescape(column, cells.get(column, "").strip()))
            except DomainValidationError as exc:
                problems.append(CsvProblem(row, column, exc.message))
    values["team_id"] = _cell(row, "team", cells, resolve_team, problems)
    values["about_me"] = _about_me(row, cells, problems)
    values["location"] = _location(row, values.pop("lat", None), values.pop("lon", None), problems)
    kwargs = values
    for _ in range(len(kwargs)):
        try:
            person = Person(**kwargs)
            person.check_born_by(today)
        except DomainValidationError as exc:
            column = _column_for(exc.field)
            problems.append(CsvProblem(row, column, exc.message))
            if column not in PLACEHOLDERS or kwargs.get(column) == PLACEHOLDERS[column]:
                break
            kwargs[column] = PLACEHOLDERS[column]
            continue
        return (None, problems) if problems else (person, [])
    return None, problems


def _cell(
    row: int,
    column: str,
    cells: dict[str, str],
    parse: Callable[[str], Any],
    problems: list[CsvProblem],
) -> Any:
    try:
        return parse(cells.get(column, "").strip())
    except DomainValidationError as exc:
        problems.append(CsvProblem(row, column, exc.message))
        return None


def _unescape(column: str, text: str) -> str:
    if column in TEXT_COLUMNS and text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def escape(column: str, text: str) -> str:
    """``text`` made safe to open in a spreadsheet (see :data:`FORMULA_STARTS`)."""
    if column in TEXT_COLUMNS and text.startswith(FORMULA_STARTS):
        return f"'{text}"
    return text


def _column_for(field: str) -> str:
    if field.startswith("about_me."):
        return "about_me_" + field.removeprefix("about_me.")
    return field.split(".", 1)[-1]


def _about_me(row: int, cells: dict[str, str], problems: list[CsvProblem]) -> AboutMe:
    sections: dict[AboutMeSection, str] = {}
    for column, section in ABOUT_ME_COLUMNS.items():
        text = _unescape(column, cells.get(column, "").strip())
        try:
            AboutMe({section: text})
        except DomainValidationError as exc:
            problems.append(CsvProblem(row, column, exc.message))
            continue
        if text:
            sections[section] = text
    return AboutMe(sections)


def _location(
    row: int, lat: float | None, lon: float | None, problems: list[CsvProblem]
) -> Location:
    if lat is None or lon is None:
        return PLACEHOLDER_LOCATION
    wrong = False
    for column, value, (low, high) in (("lat", lat, UK_LAT), ("lon", lon, UK_LON)):
        if not low <= value <= high:
            wrong = True
            problems.append(
                CsvProblem(
                    row,
                    column,
                    f"{value:g} is outside the UK ({low:g} to {high:g}); are lat and lon swapped?",
                )
            )
    return PLACEHOLDER_LOCATION if wrong else Location(lat, lon)


def _text(text: str) -> str:
    return text


def _date(text: str) -> date:
    if not _DATE.match(text):
        raise DomainValidationError(
            "date_of_birth",
            f"{text!r} is not a date in the form YYYY-MM-DD" if text else "must not be empty",
        )
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainValidationError("date_of_birth", f"{text!r} is not a real date") from None


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DomainValidationError(
            "number", f"{text!r} is not a number such as 53.5447" if text else "must not be empty"
        ) from None
    if not math.isfinite(value):
        raise DomainValidationError("number", f"{text!r} is not a number such as 53.5447")
    return value


def _whole(text: str) -> int:
    if not text:
        return 3
    try:
        return int(text)
    except ValueError:
        raise DomainValidationError(
            "continuity_target", f"{text!r} is not a whole number"
        ) from None


def _care_model(text: str) -> CareModel:
    return require_member("care_model", text or CareModel.TIME_AND_TASK.value, CareModel)


def _gender(text: str) -> str:
    return require_text("gender", text, max_length=GENDER_MAX_LENGTH, allow_empty=True)


def _languages(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip().lower() for code in text.split(";") if code.strip())
    for code in codes:
        if not _LANGUAGE.match(code):
            raise DomainValidationError(
                "languages",
                f"{code!r} is not a language code such as en or pl; separate codes with ;",
            )
    return codes or ("en",)


_PARSERS: dict[str, Callable[[str], Any]] = {
    "given_name": _text,
    "family_name": _text,
    "preferred_name": _text,
    "date_of_birth": _date,
    "gender": _gender,
    "nhs_number": _text,
    "address": _text,
    "postcode": _text,
    "lat": _number,
    "lon": _number,
    "care_model": _care_model,
    "languages": _languages,
    "continuity_target": _whole,
}
