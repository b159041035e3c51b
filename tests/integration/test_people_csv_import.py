"""People CSV against a real database: round trip, all or nothing, duplicates named by row."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import FixedClock
from careweave.demo.data import Neighbourhood, generate_neighbourhood
from careweave.domain.people.person import Person
from careweave.services.people.people_csv import PeopleCsvService
from careweave.services.people.people_csv_format import PeopleCsvError

Factory = Callable[[], SqlUnitOfWork]
CLOCK = FixedClock(datetime(2026, 11, 16, 12, tzinfo=UTC))


@pytest.fixture(scope="module")
def town() -> Neighbourhood:
    return generate_neighbourhood(
        people=12, workers=2, teams=2, seed=11, week_start=date(2026, 11, 16)
    )


@pytest.fixture
def with_teams(uow_factory: Factory, town: Neighbourhood) -> Factory:
    with uow_factory() as uow:
        uow.teams.add_all(town.teams)
        uow.commit()
    return uow_factory


def _export(uow_factory: Factory) -> str:
    out = io.StringIO()
    PeopleCsvService(uow_factory, CLOCK).export_people(out)
    return out.getvalue()


def _count(uow_factory: Factory) -> int:
    with uow_factory() as uow:
        return uow.people.count()


def _without_id(person: Person) -> Person:
    return replace(person, id="x")


def test_export_then_import_gives_back_the_same_people(
    with_teams: Factory, town: Neighbourhood
) -> None:
    with with_teams() as uow:
        uow.people.add_all(town.people)
        uow.commit()
    exported = _export(with_teams)
    with with_teams() as uow:
        for person in town.people:
            uow.people.remove(person.id)
        uow.commit()

    assert PeopleCsvService(with_teams, CLOCK).import_people(io.StringIO(exported)) == 12

    with with_teams() as uow:
        stored = sorted(uow.people.list(), key=lambda p: p.nhs_number)
    originals = sorted(town.people, key=lambda p: p.nhs_number)
    assert [_without_id(p) for p in stored] == [_without_id(p) for p in originals]
    assert sorted(_export(with_teams).splitlines()) == sorted(exported.splitlines())


def _rows(town: Neighbourhood) -> list[dict[str, str]]:
    """The first four demo people as CSV rows with only the required columns and a team."""
    return [
        {
            "given_name": person.given_name,
            "family_name": person.family_name,
            "date_of_birth": person.date_of_birth.isoformat(),
            "nhs_number": person.nhs_number,
            "address": person.address,
            "postcode": person.postcode,
            "lat": str(person.location.lat),
            "lon": str(person.location.lon),
            "team": town.teams[0].name,
        }
        for person in town.people[:4]
    ]


def _file(rows: list[dict[str, str]]) -> io.StringIO:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    out.seek(0)
    return out


def test_one_bad_row_means_nothing_is_written(with_teams: Factory, town: Neighbourhood) -> None:
    rows = _rows(town)
    rows[2]["postcode"] = "NOT A POSTCODE"
    with pytest.raises(PeopleCsvError) as caught:
        PeopleCsvService(with_teams, CLOCK).import_people(_file(rows))
    assert [str(p) for p in caught.value.problems] == [
        "row 4, column postcode: 'NOT A POSTCODE' is not a UK postcode"
    ]
    assert _count(with_teams) == 0


def test_team_names_are_matched_to_the_stored_teams(
    with_teams: Factory, town: Neighbourhood
) -> None:
    assert PeopleCsvService(with_teams, CLOCK).import_people(_file(_rows(town))) == 4
    with with_teams() as uow:
        assert {p.team_id for p in uow.people.list()} == {town.teams[0].id}


def test_duplicates_in_the_file_and_in_the_database_are_named(
    with_teams: Factory, town: Neighbourhood
) -> None:
    with with_teams() as uow:
        uow.people.add(town.people[0])
        uow.commit()
    rows = _rows(town)
    rows[3]["nhs_number"] = rows[1]["nhs_number"]
    rows.append({**rows[2], "nhs_number": ""})
    with pytest.raises(PeopleCsvError) as caught:
        PeopleCsvService(with_teams, CLOCK).import_people(_file(rows))
    problems = [str(p) for p in caught.value.problems]
    first = town.people[0]
    assert problems == [
        f"row 2, column nhs_number: someone with NHS number {first.nhs_number} is already in careweave",
        f"row 2, column given_name: {first.given_name} {first.family_name}, born "
        f"{first.date_of_birth}, at {first.postcode} is already in careweave",
        f"row 5, column nhs_number: NHS number {rows[1]['nhs_number']} is also on row 3",
        f"row 6, column given_name: {rows[2]['given_name']} {rows[2]['family_name']}, born "
        f"{rows[2]['date_of_birth']}, at {rows[2]['postcode']} is also on row 4",
    ]
    assert _count(with_teams) == 1
