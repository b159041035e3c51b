"""Fixtures of the use-case tests: the fakes, a fixed clock, the neighbourhood and its personas.

The neighbourhood is described in ``neighbourhood.py``. Personas (as in the web tests):

* ``alice``   coordinator of team A
* ``bob``     care worker in team A (worker record ``worker_a``)
* ``charlie`` care worker in team B, who must see nothing of team A
* ``dora``    family member of ``person_a``, who sees only her person
* ``edna``    commissioner, who sees no names
* ``pat``     practitioner with ``person_a`` on her caseload
* ``root``    administrator

Each package builds its services in one fixture of its own ``conftest.py``, so that a change to a
service's constructor is made there and nowhere else.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from tests.fakes import FakeDatabase, fake_uow_factory
from tests.unit.services.neighbourhood import NOW, Neighbourhood, UowFactory, build_neighbourhood

from careweave.clock import FixedClock
from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.accounts.users import Role
from careweave.domain.people.person import Person
from careweave.domain.workforce.workers import Team
from careweave.services.accounts.access import Actor


@pytest.fixture
def database() -> FakeDatabase:
    """The in-memory database of one test."""
    return FakeDatabase()


@pytest.fixture
def uow(database: FakeDatabase) -> UowFactory:
    """Makes units of work on the test's database, as the composition root's factory does."""
    return fake_uow_factory(database)


@pytest.fixture
def clock() -> FixedClock:
    """The services' clock, at 08:00 on the test day."""
    return FixedClock(NOW)


@pytest.fixture
def town(uow: UowFactory) -> Neighbourhood:
    """The stored neighbourhood (see :func:`build_neighbourhood`)."""
    return build_neighbourhood(uow)


@pytest.fixture
def alice(town: Neighbourhood) -> Actor:
    """Coordinator of team A."""
    return Actor("u-alice", "alice", "Alice Ash", Role.COORDINATOR, team_ids=_ids(town.team_a))


@pytest.fixture
def bob(town: Neighbourhood) -> Actor:
    """Care worker in team A."""
    return Actor(
        "u-bob",
        "bob",
        "Bob Pennywhistle",
        Role.CARE_WORKER,
        team_ids=_ids(town.team_a),
        worker_id=town.worker_a.id,
    )


@pytest.fixture
def charlie(town: Neighbourhood) -> Actor:
    """Care worker in team B, who must see nothing of team A."""
    return Actor(
        "u-charlie",
        "charlie",
        "Charlie Thistlewood",
        Role.CARE_WORKER,
        team_ids=_ids(town.team_b),
        worker_id=town.worker_b.id,
    )


@pytest.fixture
def dora(town: Neighbourhood) -> Actor:
    """Family member of person A."""
    return Actor("u-dora", "dora", "Dora Day", Role.FAMILY_MEMBER, person_ids=_ids(town.person_a))


@pytest.fixture
def edna(town: Neighbourhood) -> Actor:
    """Commissioner: aggregates only."""
    return Actor("u-edna", "edna", "Edna Elm", Role.COMMISSIONER)


@pytest.fixture
def pat(town: Neighbourhood) -> Actor:
    """Practitioner with person A on her caseload."""
    return Actor(
        "u-pat", "pat", "Pat Poplar", Role.PRACTITIONER, assigned_person_ids=_ids(town.person_a)
    )


@pytest.fixture
def root(town: Neighbourhood) -> Actor:
    """Administrator."""
    return Actor("u-root", "root", "Ruth Root", Role.ADMIN)


@pytest.fixture
def persona(request: pytest.FixtureRequest) -> Actor:
    """The persona named by the test's ``persona`` parameter (``indirect=True``)."""
    actor: Actor = request.getfixturevalue(request.param)
    return actor


def _ids(*records: Team | Person) -> frozenset[str]:
    return frozenset(record.id for record in records)


@pytest.fixture
def audit_trail(uow: UowFactory) -> Callable[[], list[AuditEntry]]:
    """Reads the whole audit trail, oldest entry first."""

    def read() -> list[AuditEntry]:
        with uow() as u:
            return list(reversed(u.audit.list()))

    return read


@pytest.fixture
def nothing_written(database: FakeDatabase) -> Callable[[], Any]:
    """A context manager asserting that its block leaves every table as it found it."""

    @contextmanager
    def unchanged() -> Iterator[None]:
        before = _stored(database)
        try:
            yield
        finally:  # also when the use case's error passes through this block
            assert _stored(database) == before, "the failed use case wrote something"

    return unchanged


def _stored(database: FakeDatabase) -> dict[str, dict[Any, Any]]:
    # A table appears (empty) once any unit of work looks at it; only rows count.
    return {name: copy.deepcopy(rows) for name, rows in database.tables.items() if rows}
