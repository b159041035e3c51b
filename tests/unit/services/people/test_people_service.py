"""The people use cases on the in-memory fakes: who may list, read, add, change and remove whom,
the audit entry of each, and nothing written when one is refused."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from tests.integration.storage_builders import a_person, a_visit
from tests.unit.services.neighbourhood import DAY

from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.domain.visits.visit import VisitStatus
from careweave.services.accounts.idempotency import Idempotency

PAGE = {"limit": 50, "offset": 0}


def _entries(trail, kind="person"):
    return [
        (e.username, e.action, e.record_id, e.team_id) for e in trail() if e.record_kind == kind
    ]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("alice", ["Quixleyworth"]),
        ("bob", ["Quixleyworth"]),
        ("charlie", ["Brambleton"]),
        ("dora", ["Quixleyworth"]),
        ("pat", ["Quixleyworth"]),
        ("root", ["Brambleton", "Quixleyworth"]),
    ],
    indirect=["persona"],
)
def test_each_persona_lists_only_the_people_they_may_see(people_service, persona, expected):
    page = people_service.list(persona, **PAGE)
    assert [p.family_name for p in page.items] == expected
    assert page.total == len(expected)


def test_every_person_listed_leaves_an_audit_entry(people_service, town, alice, audit_trail):
    people_service.list(alice, **PAGE)
    assert _entries(audit_trail) == [("alice", AuditAction.LIST, town.person_a.id, town.team_a.id)]


def test_a_commissioner_may_not_list_people(people_service, edna, nothing_written):
    with nothing_written(), pytest.raises(PermissionDeniedError, match="aggregates"):
        people_service.list(edna, **PAGE)


def test_asking_for_a_team_one_may_not_see_gives_an_empty_page(
    people_service, town, alice, nothing_written
):
    with nothing_written():
        page = people_service.list(alice, team_id=town.team_b.id, **PAGE)
    assert (page.items, page.total) == ((), 0)


def test_people_come_by_family_name_a_page_at_a_time(people_service, uow, town, alice):
    with uow() as u:
        u.people.add_all(a_person(town.team_a, given="Ann", family=f"Zed {n}") for n in (2, 1))
        u.commit()
    page = people_service.list(alice, limit=2, offset=1)
    assert [p.family_name for p in page.items] == ["Zed 1", "Zed 2"]
    assert page.total == 3
    found = people_service.list(alice, name_contains="zed 2", **PAGE)
    assert [p.family_name for p in found.items] == ["Zed 2"]


@pytest.mark.parametrize("persona", ["alice", "bob", "dora", "pat", "root"], indirect=True)
def test_those_who_may_see_a_person_read_her_record_audited(
    people_service, town, persona, audit_trail
):
    assert people_service.get(persona, town.person_a.id) == town.person_a
    assert _entries(audit_trail) == [
        (persona.username, AuditAction.READ, town.person_a.id, town.team_a.id)
    ]


@pytest.mark.parametrize("persona", ["charlie", "edna"], indirect=True)
def test_others_learn_nothing_not_even_that_she_exists(
    people_service, town, persona, nothing_written
):
    with nothing_written(), pytest.raises(NotFoundError):
        people_service.get(persona, town.person_a.id)


def test_a_family_member_sees_only_her_own_person(people_service, town, dora, nothing_written):
    with nothing_written(), pytest.raises(NotFoundError):
        people_service.get(dora, town.person_b.id)


def test_a_coordinator_adds_a_person_to_her_team(people_service, town, alice, audit_trail):
    person = a_person(town.team_a, given="Nell", family="Newcombe")
    assert people_service.create(alice, person) == person
    assert people_service.get(alice, person.id) == person
    assert ("alice", AuditAction.CREATE, person.id, town.team_a.id) in _entries(audit_trail)


@pytest.mark.parametrize("persona", ["bob", "pat", "dora", "edna", "charlie"], indirect=True)
def test_only_a_coordinator_of_the_team_adds_people_to_it(
    people_service, town, persona, nothing_written
):
    with nothing_written(), pytest.raises(PermissionDeniedError):
        people_service.create(persona, a_person(town.team_a))


def test_a_person_in_a_team_that_does_not_exist_is_refused_naming_the_field(
    people_service, root, nothing_written
):
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        people_service.create(root, a_person(team_id="no-such-team"))
    assert refused.value.field == "team_id"


def test_a_create_sent_twice_adds_the_person_once(people_service, uow, town, alice, audit_trail):
    first, retry = a_person(town.team_a, given="Nell"), a_person(town.team_a, given="Nell")
    key = Idempotency.of("create-nell", {"given_name": "Nell"})
    assert people_service.create(alice, first, key) == first
    assert people_service.create(alice, retry, key) == first
    with uow() as u:
        assert u.people.count(team_id=town.team_a.id) == 2
    assert [e[1] for e in _entries(audit_trail)] == [AuditAction.CREATE]
    with pytest.raises(ConflictError, match="Idempotency-Key"):
        people_service.create(alice, retry, Idempotency.of("create-nell", {"other": "body"}))


@pytest.mark.parametrize("persona", ["alice", "pat"], indirect=True)
def test_her_coordinator_or_practitioner_changes_her_record(
    people_service, town, persona, audit_trail
):
    changed = people_service.update(persona, town.person_a.id, {"preferred_name": "Aggie"})
    assert changed.display_name == "Aggie Quixleyworth"
    assert people_service.get(persona, town.person_a.id) == changed
    assert (persona.username, AuditAction.UPDATE, changed.id, town.team_a.id) in _entries(
        audit_trail
    )


@pytest.mark.parametrize(
    ("persona", "error"),
    [("bob", PermissionDeniedError), ("dora", PermissionDeniedError), ("charlie", NotFoundError)],
    indirect=["persona"],
)
def test_nobody_else_changes_her_record(people_service, town, persona, error, nothing_written):
    with nothing_written(), pytest.raises(error):
        people_service.update(persona, town.person_a.id, {"preferred_name": "Aggie"})


def test_a_coordinator_may_not_move_a_person_into_a_team_she_does_not_run(
    people_service, town, alice, nothing_written
):
    with nothing_written(), pytest.raises(PermissionDeniedError, match="own teams"):
        people_service.update(alice, town.person_a.id, {"team_id": town.team_b.id})


def test_moving_a_person_needs_a_team_that_exists(people_service, town, root, nothing_written):
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        people_service.update(root, town.person_a.id, {"team_id": "no-such-team"})
    assert refused.value.field == "team_id"
    moved = people_service.update(root, town.person_a.id, {"team_id": town.team_b.id})
    assert moved.team_id == town.team_b.id


def test_her_coordinator_removes_a_person_without_visits(
    people_service, town, alice, bob, audit_trail
):
    person = people_service.create(alice, a_person(town.team_a, given="Nell"))
    with pytest.raises(PermissionDeniedError):
        people_service.delete(bob, person.id)
    people_service.delete(alice, person.id)
    with pytest.raises(NotFoundError):
        people_service.get(alice, person.id)
    assert ("alice", AuditAction.DELETE, person.id, town.team_a.id) in _entries(audit_trail)


def test_a_person_with_visits_is_not_removed(people_service, town, alice, nothing_written):
    with nothing_written(), pytest.raises(ConflictError, match="cannot be removed"):
        people_service.delete(alice, town.person_a.id)


def test_the_family_sees_who_is_coming_by_first_name_only(
    people_service, uow, town, dora, audit_trail
):
    later = a_visit(town.person_a, DAY + timedelta(days=3), start=time(8))
    cancelled = a_visit(town.person_a, DAY + timedelta(days=1), status=VisitStatus.CANCELLED)
    too_late = a_visit(town.person_a, DAY + timedelta(days=14))
    with uow() as u:
        u.visits.add_all([later, cancelled, too_late])
        u.commit()

    coming = people_service.upcoming_visits(dora, town.person_a.id, today=DAY)
    assert [(v.visit_id, v.worker_first_names) for v in coming] == [
        (town.visit_a.id, ("Bob",)),
        (later.id, ()),
    ]
    assert _entries(audit_trail, "upcoming_visits") == [
        ("dora", AuditAction.READ, town.person_a.id, town.team_a.id)
    ]


@pytest.mark.parametrize("persona", ["pat", "charlie", "edna"], indirect=True)
def test_who_is_coming_is_not_for_practitioners_or_outsiders(
    people_service, town, persona, nothing_written
):
    with nothing_written(), pytest.raises(NotFoundError):
        people_service.upcoming_visits(persona, town.person_a.id, today=DAY)


def test_who_is_coming_looks_ahead_one_to_62_days(people_service, town, dora):
    with pytest.raises(DomainValidationError) as refused:
        people_service.upcoming_visits(dora, town.person_a.id, today=date(2026, 3, 2), days=63)
    assert refused.value.field == "days"
