"""Import and export people as CSV (format: docs/people-csv.md and :mod:`people_csv_format`).

Import is all or nothing: every row is read and checked first, including for people already in
careweave, and nothing is written unless every row is good. Export writes the same format, so a
file exported from one careweave imports into another.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

from careweave.clock import Clock
from careweave.domain.people.person import Person
from careweave.services.people.people_csv_format import (
    ABOUT_ME_COLUMNS,
    COLUMNS,
    CsvProblem,
    ParsedRow,
    PeopleCsvError,
    escape,
    read_people,
)
from careweave.services.people.unit_of_work import PeopleUnitOfWork

IdentityKey = tuple[str, str, str, str]


class PeopleCsvService:
    """Import and export of the people CSV; each owns its transaction.

    Parameters
    ----------
    uow_factory
        Makes the unit of work to read and write in.
    clock
        Says what today is (nobody imported may be born after it).
    """

    def __init__(self, uow_factory: Callable[[], PeopleUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def import_people(self, file: Iterable[str]) -> int:
        """Add every person in the CSV ``file`` in one transaction; return how many were added.

        Parameters
        ----------
        file
            The CSV text, line by line (an open text file, or a list of lines).

        Raises
        ------
        PeopleCsvError
            Listing every problem as "row N, column C: what was wrong"; nothing has been written.
        """
        with self._uow_factory() as uow:
            rows = read_people(file, uow.teams.list(), self._clock.today())
            problems = _duplicates(rows, uow.people.list())
            if problems:
                raise PeopleCsvError(problems)
            uow.people.add_all(row.person for row in rows)
            uow.commit()
        return len(rows)

    def export_people(self, out: TextIO) -> int:
        """Write every person to ``out`` in the import format; return how many were written."""
        with self._uow_factory() as uow:
            team_names = {team.id: team.name for team in uow.teams.list()}
            people = uow.people.list()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for person in people:
            cells = _cells(person, team_names)
            writer.writerow([escape(column, cells[column]) for column in COLUMNS])
        return len(people)


def _identity(person: Person) -> IdentityKey:
    """Name, date of birth and postcode: how a person is recognised without an NHS number."""
    return (
        person.given_name.casefold(),
        person.family_name.casefold(),
        person.date_of_birth.isoformat(),
        person.postcode,
    )


def _duplicates(rows: list[ParsedRow], stored: Sequence[Person]) -> list[CsvProblem]:
    """People who appear twice in the file, or who are already in careweave."""
    known_numbers = {p.nhs_number for p in stored if p.nhs_number}
    known_people = {_identity(p) for p in stored}
    numbers: dict[str, int] = {}
    people: dict[IdentityKey, int] = {}
    problems: list[CsvProblem] = []
    for row in rows:
        person = row.person
        number = person.nhs_number
        if number and number in known_numbers:
            message = f"someone with NHS number {number} is already in careweave"
            problems.append(CsvProblem(row.row, "nhs_number", message))
        elif number and number in numbers:
            message = f"NHS number {number} is also on row {numbers[number]}"
            problems.append(CsvProblem(row.row, "nhs_number", message))
        numbers.setdefault(number, row.row)
        key = _identity(person)
        where = "already in careweave" if key in known_people else None
        if where is None and key in people:
            where = f"also on row {people[key]}"
        if where is not None:
            message = (
                f"{person.given_name} {person.family_name}, born {person.date_of_birth}, "
                f"at {person.postcode} is {where}"
            )
            problems.append(CsvProblem(row.row, "given_name", message))
        people.setdefault(key, row.row)
    return problems


def _cells(person: Person, team_names: dict[str, str]) -> dict[str, str]:
    cells = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "preferred_name": person.preferred_name,
        "date_of_birth": person.date_of_birth.isoformat(),
        "gender": person.gender,
        "nhs_number": person.nhs_number,
        "address": person.address,
        "postcode": person.postcode,
        "lat": repr(person.location.lat),
        "lon": repr(person.location.lon),
        "team": team_names.get(person.team_id, "") if person.team_id else "",
        "care_model": person.care_model.value,
        "languages": ";".join(person.languages),
        "continuity_target": str(person.continuity_target),
    }
    for column, section in ABOUT_ME_COLUMNS.items():
        cells[column] = person.about_me.text(section)
    return cells
