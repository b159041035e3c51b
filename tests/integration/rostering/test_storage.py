"""Storage of calendar feed tokens on SQLite and PostgreSQL (and, through
``tests/unit/fakes/test_storage_rostering.py``, on the in-memory fakes): stored, found by digest,
listed newest first, changed, and refused without their user or with a digest already taken."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from careweave.domain.accounts.users import Role, User
from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.rostering.calendar_feed import CalendarToken

MADE = datetime(2026, 3, 2, 12, tzinfo=UTC)


@pytest.fixture
def user(uow_factory):
    someone = User(
        username="bob",
        display_name="Bob Pennywhistle",
        role=Role.CARE_WORKER,
        password_hash="x",
        created_at=MADE,
    )
    with uow_factory() as uow:
        uow.users.add(someone)
        uow.commit()
    return someone


def test_tokens_are_found_by_digest_and_listed_newest_first(uow_factory, user):
    old = CalendarToken(user_id=user.id, token_hash="a" * 64, created_at=MADE)
    new = CalendarToken(user_id=user.id, token_hash="b" * 64, created_at=MADE + timedelta(days=1))
    with uow_factory() as uow:
        uow.calendar_tokens.add(old)
        uow.calendar_tokens.add(new)
        uow.commit()

    with uow_factory() as uow:
        assert uow.calendar_tokens.find_by_hash("b" * 64) == new
        assert uow.calendar_tokens.find_by_hash("c" * 64) is None
        assert [t.id for t in uow.calendar_tokens.list_for_user(user.id)] == [new.id, old.id]
        assert uow.calendar_tokens.list_for_user("nobody") == []


def test_a_token_is_revoked_and_marked_read(uow_factory, user):
    token = CalendarToken(user_id=user.id, token_hash="a" * 64, created_at=MADE)
    with uow_factory() as uow:
        uow.calendar_tokens.add(token)
        uow.commit()
    changed = token.fetched(MADE + timedelta(hours=1)).revoked(MADE + timedelta(hours=2))

    with uow_factory() as uow:
        uow.calendar_tokens.update(changed)
        uow.commit()

    with uow_factory() as uow:
        stored = uow.calendar_tokens.find_by_hash("a" * 64)
    assert stored == changed
    assert stored is not None
    assert not stored.active


def test_a_token_needs_its_user_and_a_digest_of_its_own(uow_factory, user):
    token = CalendarToken(user_id=user.id, token_hash="a" * 64, created_at=MADE)
    with uow_factory() as uow:
        uow.calendar_tokens.add(token)
        uow.commit()

    with uow_factory() as uow:
        with pytest.raises(NotFoundError):
            uow.calendar_tokens.add(dataclasses.replace(token, id="t2", user_id="nobody"))
        with pytest.raises(ConflictError):
            uow.calendar_tokens.add(dataclasses.replace(token, id="t3"))
        assert [t.id for t in uow.calendar_tokens.list_for_user(user.id)] == [token.id]
