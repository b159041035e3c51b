"""Users, the audit log and idempotency keys, stored and read back on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from careweave.domain.accounts.audit import AuditAction, AuditEntry
from careweave.domain.accounts.users import Role, User
from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.services.accounts.ports import IdempotencyRecord

AT = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _user(username: str, role: Role = Role.CARE_WORKER) -> User:
    return User(username, username.title(), role, "not-used", created_at=AT)


def _entry(minute: int, team_id: str | None, user_id: str, kind: str = "person") -> AuditEntry:
    return AuditEntry(
        at=AT + timedelta(minutes=minute),
        action=AuditAction.READ,
        record_kind=kind,
        record_id=f"r{minute}",
        user_id=user_id,
        team_id=team_id,
    )


def test_usernames_are_unique_and_found_whatever_their_case(uow_factory):
    sam, alice = _user("sam"), _user("alice", Role.COORDINATOR)
    with uow_factory() as uow:
        uow.users.add(sam)
        uow.users.add(alice)
        uow.commit()

    with uow_factory() as uow:
        with pytest.raises(ConflictError) as taken:
            uow.users.add(_user("sam"))
        assert taken.value.field == "username"
        assert uow.users.find_by_username(" SAM ") == sam
        assert uow.users.find_by_username("nobody") is None
        assert uow.users.list() == [alice, sam]
        assert uow.users.list(role=Role.COORDINATOR) == [alice]
        assert uow.users.list(limit=1, offset=1) == [sam]


def test_the_audit_log_numbers_its_entries_and_lists_newest_first(uow_factory):
    with uow_factory() as uow:
        for minute in range(3):
            uow.audit.append(_entry(minute, "team-a", "u-sam"))
        uow.commit()

    with uow_factory() as uow:
        entries = uow.audit.list()
        assert [e.record_id for e in entries] == ["r2", "r1", "r0"]
        seqs = [e.seq for e in entries]
        assert None not in seqs
        assert seqs == sorted(seqs, reverse=True)  # type: ignore[type-var]
        assert [e.record_id for e in uow.audit.list(limit=1, offset=1)] == ["r1"]
        assert uow.audit.count() == 3
        with pytest.raises(DomainValidationError) as bad:
            uow.audit.list(limit=0)
        assert bad.value.field == "limit"


def test_audit_filters_keep_a_coordinator_teams_and_their_own_entries(uow_factory):
    with uow_factory() as uow:
        uow.audit.append(_entry(0, "team-a", "u-sam"))
        uow.audit.append(_entry(1, "team-b", "u-lee"))
        uow.audit.append(_entry(2, None, "u-alice", kind="audit"))
        uow.audit.append(_entry(3, "team-b", "u-alice"))
        uow.commit()

    def ids(**filters: object) -> list[str]:
        return [e.record_id for e in uow.audit.list(**filters)]  # type: ignore[arg-type]

    with uow_factory() as uow:
        assert ids(team_ids=["team-a"]) == ["r0"]
        assert ids(user_id="u-alice") == ["r3", "r2"]
        assert ids(team_ids=["team-a"], user_id="u-alice") == ["r3", "r2", "r0"]
        assert ids(record_kind="audit") == ["r2"]
        assert ids(record_id="r1") == ["r1"]
        assert uow.audit.count(team_ids=["team-a"], user_id="u-alice") == 3
        assert ids(team_ids=[]) == []


def test_an_idempotency_key_is_used_once_per_user(uow_factory):
    sam, lee = _user("sam"), _user("lee")
    with uow_factory() as uow:
        uow.users.add(sam)
        uow.users.add(lee)
        uow.commit()
    first = IdempotencyRecord(sam.id, "key-1", "fingerprint", "person", "p1", AT)

    with uow_factory() as uow:
        assert uow.idempotency_keys.find(sam.id, "key-1") is None
        uow.idempotency_keys.add(first)
        uow.idempotency_keys.add(IdempotencyRecord(lee.id, "key-1", "other", "person", "p2", AT))
        uow.commit()

    with uow_factory() as uow:
        assert uow.idempotency_keys.find(sam.id, "key-1") == first
        with pytest.raises(ConflictError) as used:
            uow.idempotency_keys.add(first)
        assert used.value.field == "Idempotency-Key"
