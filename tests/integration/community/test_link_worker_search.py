"""The link worker's search on SQLite and PostgreSQL: from a person's home, nearest first, with
reasons; only for someone who may see the person, and audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from tests.community_directory import SmallDirectory
from tests.integration.storage_builders import a_person, a_team

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import SystemClock
from careweave.domain.accounts.users import Role
from careweave.domain.community.matching import Reach
from careweave.domain.community.schedules import PartOfDay
from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.services.accounts.access import Actor
from careweave.services.community.search import LinkWorkerSearch, SearchRequest

Uow = Callable[[], SqlUnitOfWork]


@pytest.fixture
def person(uow_factory: Uow, directory: SmallDirectory, engine: Engine) -> Person:
    """Someone of 84 living by the church hall, in a team."""
    team = a_team("Wigan central")
    someone = a_person(team, given="Edith", family="Marsden", location=Location(53.5452, -2.6322))
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.people.add(someone)
        uow.commit()
    return someone


def worker_of(person: Person, role: Role = Role.CARE_WORKER) -> Actor:
    return Actor(
        user_id="u-1",
        username="lw",
        display_name="Link worker",
        role=role,
        team_ids=frozenset({person.team_id or ""}),
    )


def test_from_a_persons_home_nearest_first_with_reasons(uow_factory: Uow, person: Person) -> None:
    search = LinkWorkerSearch(uow_factory, SystemClock())
    outcome = search.search(
        worker_of(person), SearchRequest(person_id=person.id, reach=Reach.BUS_RIDE)
    )

    names = [m.service.name for m in outcome.matches]
    assert names == ["Tuesday lunch club", "Telephone befriending", "Health walk"]
    assert outcome.matches[0].reasons[-1] == "0.0 km from home"
    with uow_factory() as uow:
        trail = uow.audit.list(record_kind="person", record_id=person.id)
    assert [e.detail for e in trail] == ["community directory search from home"]


def test_within_a_walk_on_a_tuesday_afternoon(uow_factory: Uow, person: Person) -> None:
    search = LinkWorkerSearch(uow_factory, SystemClock())
    request = SearchRequest(
        person_id=person.id, reach=Reach.WALK, day="TU", part_of_day=PartOfDay.AFTERNOON
    )
    outcome = search.search(worker_of(person), request)
    assert [m.service.name for m in outcome.matches] == ["Tuesday lunch club"]


def test_by_need_and_words_from_a_postcode(
    uow_factory: Uow, directory: SmallDirectory, person: Person
) -> None:
    search = LinkWorkerSearch(uow_factory, SystemClock())
    request = SearchRequest(
        postcode="WN1 1XL", need_ids=(directory.terms["activity"].id,), text="walk"
    )
    outcome = search.search(worker_of(person), request)
    assert [m.service.name for m in outcome.matches] == ["Health walk"]
    assert "for physical activity" in outcome.matches[0].reasons


def test_a_worker_of_another_team_learns_nothing_of_the_person(
    uow_factory: Uow, person: Person
) -> None:
    outsider = Actor(
        user_id="u-2",
        username="x",
        display_name="X",
        role=Role.CARE_WORKER,
        team_ids=frozenset({"other"}),
    )
    with pytest.raises(NotFoundError):
        LinkWorkerSearch(uow_factory, SystemClock()).search(
            outsider, SearchRequest(person_id=person.id)
        )


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (SearchRequest(postcode="ZE3 9JZ"), "postcode"),
        (SearchRequest(day="Someday"), "day"),
        (SearchRequest(need_ids=("9e0e0e0e-0000-4000-8000-000000000000",)), "need"),
    ],
)
def test_a_wrong_request_is_named(
    uow_factory: Uow, person: Person, request_: SearchRequest, field: str
) -> None:
    with pytest.raises(DomainValidationError) as raised:
        LinkWorkerSearch(uow_factory, SystemClock()).search(worker_of(person), request_)
    assert raised.value.field == field
