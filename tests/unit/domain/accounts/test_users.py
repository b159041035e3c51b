"""Usernames, passwords, users and audit entries (the rules, no storage)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from careweave.domain.accounts.audit import AuditAction, AuditEntry
from careweave.domain.accounts.users import Role, User, check_password, normalise_username
from careweave.domain.errors import DomainValidationError


def test_usernames_are_trimmed_and_lower_cased() -> None:
    assert normalise_username("  Worker.A ") == "worker.a"


@pytest.mark.parametrize("bad", ["ab", "x" * 41, "has space", "-leading", "émile", ""])
def test_bad_usernames_are_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        normalise_username(bad)
    assert caught.value.field == "username"


def test_passwords_need_length_and_not_only_spaces() -> None:
    assert check_password("long enough!") == "long enough!"
    for bad in ("short", " " * 12, "x" * 201):
        with pytest.raises(DomainValidationError) as caught:
            check_password(bad)
        assert caught.value.field == "password"
    assert check_password("demo", min_length=4) == "demo"


def test_a_user_checks_its_role_and_keeps_scopes_as_sets() -> None:
    user = User("Fran", "Fran Family", Role.FAMILY_MEMBER, "hash", person_ids=frozenset({"p"}))
    assert user.username == "fran"
    assert user.first_name == "Fran"
    with pytest.raises(DomainValidationError) as caught:
        User("fran", "Fran", "overlord", "hash")  # type: ignore[arg-type]
    assert caught.value.field == "role"


def test_an_audit_entry_bounds_what_the_client_sent() -> None:
    entry = AuditEntry(
        at=datetime(2026, 3, 2, tzinfo=UTC),
        action=AuditAction.READ,
        record_kind="person",
        record_id="p1",
        user_agent="x" * 1000,
    )
    assert len(entry.user_agent) == 300
    with pytest.raises(DomainValidationError):
        AuditEntry(at=entry.at, action="peek", record_kind="person", record_id="p1")  # type: ignore[arg-type]
