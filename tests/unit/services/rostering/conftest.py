"""The calendar feed use cases under test, built in one place (see
``tests/unit/services/conftest.py``), and the personas stored as users, since a feed is read as
its token's owner."""

from __future__ import annotations

import pytest
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.domain.accounts.users import User
from careweave.services.accounts.access import Actor
from careweave.services.rostering.calendar_feeds import CalendarFeedService


@pytest.fixture
def calendar_feeds(uow: UowFactory, clock: FixedClock) -> CalendarFeedService:
    """The calendar feed service on the fakes and the fixed clock."""
    return CalendarFeedService(uow, clock)


@pytest.fixture
def users(
    uow: UowFactory,
    alice: Actor,
    bob: Actor,
    charlie: Actor,
    dora: Actor,
    edna: Actor,
    pat: Actor,
    root: Actor,
) -> dict[str, Actor]:
    """Every persona stored as the user it acts for, by username."""
    actors = [alice, bob, charlie, dora, edna, pat, root]
    with uow() as u:
        for actor in actors:
            u.users.add(as_user(actor))
        u.commit()
    return {actor.username: actor for actor in actors}


def as_user(actor: Actor) -> User:
    """The user ``actor`` acts for."""
    return User(
        username=actor.username,
        display_name=actor.display_name,
        role=actor.role,
        password_hash="not-a-real-hash",
        team_ids=actor.team_ids,
        person_ids=actor.person_ids,
        assigned_person_ids=actor.assigned_person_ids,
        worker_id=actor.worker_id,
        id=actor.user_id,
    )
