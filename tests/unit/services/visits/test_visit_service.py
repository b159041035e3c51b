"""Visits on the in-memory fakes: who may list, read, plan, change and remove them, the version a
change was made on, the day's roster, and the audit entry of each use case."""

from __future__ import annotations

from datetime import date, time

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
from careweave.services.visits.visits import VisitFilter

PAGE = {"limit": 50, "offset": 0}


def _entries(trail, kind="visit"):
    return [
        (e.username, e.action, e.record_id, e.team_id) for e in trail() if e.record_kind == kind
    ]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("alice", ["a"]), ("bob", ["a"]), ("charlie", ["b"]), ("root", ["a", "b"])],
    indirect=["persona"],
)
def test_the_team_lists_its_own_visits(visit_service, town, persona, expected):
    ids = {"a": town.visit_a.id, "b": town.visit_b.id}
    page = visit_service.list(persona, VisitFilter(), **PAGE)
    assert [v.id for v in page.items] == [ids[name] for name in expected]
    assert page.total == len(expected)


@pytest.mark.parametrize("persona", ["dora", "pat", "edna"], indirect=True)
def test_family_practitioners_and_commissioners_list_no_visits(
    visit_service, persona, nothing_written
):
    with nothing_written(), pytest.raises(PermissionDeniedError):
        visit_service.list(persona, VisitFilter(), **PAGE)


def test_each_visit_listed_is_audited_with_its_team(visit_service, town, bob, audit_trail):
    visit_service.list(bob, VisitFilter(day_from=DAY, day_to=DAY), **PAGE)
    assert _entries(audit_trail) == [("bob", AuditAction.LIST, town.visit_a.id, town.team_a.id)]


def test_a_listing_of_another_team_is_empty_and_days_must_run_forwards(
    visit_service, town, alice, nothing_written
):
    with nothing_written():
        page = visit_service.list(alice, VisitFilter(team_id=town.team_b.id), **PAGE)
    assert page.total == 0
    with pytest.raises(DomainValidationError) as refused:
        VisitFilter(day_from=DAY, day_to=date(2026, 3, 1))
    assert refused.value.field == "day_to"


def test_a_worker_of_the_team_reads_a_visit(visit_service, town, bob, audit_trail):
    assert visit_service.get(bob, town.visit_a.id) == town.visit_a
    assert _entries(audit_trail) == [("bob", AuditAction.READ, town.visit_a.id, town.team_a.id)]


@pytest.mark.parametrize("persona", ["charlie", "dora", "pat", "edna"], indirect=True)
def test_nobody_else_reads_the_full_visit(visit_service, town, persona, nothing_written):
    with nothing_written(), pytest.raises(NotFoundError):
        visit_service.get(persona, town.visit_a.id)


def test_the_coordinator_plans_a_visit_once_however_often_it_is_sent(
    visit_service, uow, town, alice, audit_trail
):
    visit = a_visit(town.person_a, DAY, start=time(17))
    visit.assign((town.worker_a.id,), time(17))
    key = Idempotency.of("tea-visit", {"day": DAY})
    assert visit_service.create(alice, visit, key) == visit
    assert visit_service.create(alice, a_visit(town.person_a, DAY), key) == visit
    with uow() as u:
        assert u.visits.count(person_id=town.person_a.id) == 2
    assert [e[1] for e in _entries(audit_trail)] == [AuditAction.CREATE]


@pytest.mark.parametrize(
    ("persona", "error"),
    [("bob", PermissionDeniedError), ("pat", PermissionDeniedError), ("charlie", NotFoundError)],
    indirect=["persona"],
)
def test_only_the_coordinator_plans_visits(visit_service, town, persona, error, nothing_written):
    with nothing_written(), pytest.raises(error):
        visit_service.create(persona, a_visit(town.person_a, DAY))


def test_a_visit_to_nobody_or_by_another_team_is_refused_naming_the_field(
    visit_service, town, alice, nothing_written
):
    elsewhere = a_visit(town.person_a, DAY)
    elsewhere.assign((town.worker_b.id,))
    for visit, field in ((a_visit(a_person()), "person_id"), (elsewhere, "assigned_worker_ids")):
        with nothing_written(), pytest.raises(DomainValidationError) as refused:
            visit_service.create(alice, visit)
        assert refused.value.field == field


def test_a_worker_changes_the_status_of_a_visit_and_its_version_moves_on(
    visit_service, town, bob, audit_trail
):
    missed = visit_service.update(bob, town.visit_a.id, 1, {"status": VisitStatus.MISSED})
    assert (missed.status, missed.version) == (VisitStatus.MISSED, 2)
    assert visit_service.get(bob, town.visit_a.id) == missed
    assert ("bob", AuditAction.UPDATE, missed.id, town.team_a.id) in _entries(audit_trail)


def test_only_the_coordinator_changes_the_plan_of_a_visit(
    visit_service, town, alice, bob, nothing_written
):
    with nothing_written(), pytest.raises(PermissionDeniedError):
        visit_service.update(bob, town.visit_a.id, 1, {"planned_start": time(9, 30)})
    moved = visit_service.update(alice, town.visit_a.id, 1, {"planned_start": time(9, 30)})
    assert (moved.planned_start, moved.assigned_worker_ids) == (time(9, 30), (town.worker_a.id,))
    unassigned = visit_service.update(alice, town.visit_a.id, 2, {"assigned_worker_ids": ()})
    assert (unassigned.status, unassigned.assigned_worker_ids) == (VisitStatus.PLANNED, ())


def test_a_change_made_on_an_old_version_is_a_conflict(
    visit_service, town, alice, bob, nothing_written
):
    visit_service.update(bob, town.visit_a.id, 1, {"status": VisitStatus.MISSED})
    with nothing_written(), pytest.raises(ConflictError) as conflict:
        visit_service.update(alice, town.visit_a.id, 1, {"status": VisitStatus.CANCELLED})
    assert conflict.value.field == "version"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": VisitStatus.DONE}, "visit.status"),
        ({"assigned_worker_ids": ("someone-else",)}, "assigned_worker_ids"),
    ],
)
def test_a_change_the_rules_refuse_writes_nothing(
    visit_service, town, alice, changes, field, nothing_written
):
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        visit_service.update(alice, town.visit_a.id, 1, changes)
    assert refused.value.field == field


def test_the_coordinator_removes_a_visit(visit_service, town, alice, bob, charlie, audit_trail):
    with pytest.raises(PermissionDeniedError):
        visit_service.delete(bob, town.visit_a.id)
    with pytest.raises(NotFoundError):
        visit_service.delete(charlie, town.visit_a.id)
    visit_service.delete(alice, town.visit_a.id)
    with pytest.raises(NotFoundError):
        visit_service.get(alice, town.visit_a.id)
    assert _entries(audit_trail)[-1] == (
        "alice",
        AuditAction.DELETE,
        town.visit_a.id,
        town.team_a.id,
    )


def test_the_roster_shows_each_worker_day_and_what_nobody_has(
    visit_service, uow, town, bob, audit_trail
):
    open_visit = a_visit(town.person_a, DAY, start=time(13))
    with uow() as u:
        u.visits.add(open_visit)
        u.commit()
    roster = visit_service.roster(bob, town.team_a.id, DAY)
    assert [(d.worker.id, [v.id for v in d.visits]) for d in roster.workers] == [
        (town.worker_a.id, [town.visit_a.id])
    ]
    assert [v.id for v in roster.unassigned] == [open_visit.id]
    assert _entries(audit_trail, "roster") == [
        ("bob", AuditAction.READ, f"{town.team_a.id}:{DAY}", town.team_a.id)
    ]


@pytest.mark.parametrize(
    ("persona", "error"),
    [("charlie", NotFoundError), ("dora", NotFoundError), ("edna", PermissionDeniedError)],
    indirect=["persona"],
)
def test_nobody_outside_the_team_reads_its_roster(
    visit_service, town, persona, error, nothing_written
):
    with nothing_written(), pytest.raises(error):
        visit_service.roster(persona, town.team_a.id, DAY)
