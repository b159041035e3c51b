"""The access policy, role by role: who may see and do what (no database)."""

from __future__ import annotations

from datetime import date, time

import pytest

from careweave.domain.accounts.users import Role
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Worker
from careweave.services.accounts import access
from careweave.services.accounts.access import Actor

TEAM_A, TEAM_B = "team-a", "team-b"


def person(team: str | None, ident: str) -> Person:
    return Person(
        given_name="Ada",
        family_name="Lovelace",
        date_of_birth=date(1941, 5, 17),
        address="1 High Street",
        postcode="WN1 1AA",
        location=Location(53.5, -2.6),
        team_id=team,
        id=ident,
    )


PERSON_A = person(TEAM_A, "pa")
PERSON_B = person(TEAM_B, "pb")
WORKER_A = Worker("Sam", "Okafor", TEAM_A, Location(53.5, -2.6), id="wa")
VISIT_A = Visit("pa", date(2026, 3, 2), time(8), time(9), 30, id="va")


def actor(role: Role, **scope: frozenset[str]) -> Actor:
    return Actor(
        user_id=f"u-{role.value}", username=role.value, display_name="X Y", role=role, **scope
    )


COORDINATOR_A = actor(Role.COORDINATOR, team_ids=frozenset({TEAM_A}))
WORKER_IN_A = actor(Role.CARE_WORKER, team_ids=frozenset({TEAM_A}))
WORKER_IN_B = actor(Role.CARE_WORKER, team_ids=frozenset({TEAM_B}))
PRACTITIONER = actor(Role.PRACTITIONER, assigned_person_ids=frozenset({"pa"}))
FAMILY_OF_A = actor(Role.FAMILY_MEMBER, person_ids=frozenset({"pa"}))
COMMISSIONER = actor(Role.COMMISSIONER)
ADMIN = actor(Role.ADMIN)


@pytest.mark.parametrize(
    ("who", "sees_a", "sees_b"),
    [
        (COORDINATOR_A, True, False),
        (WORKER_IN_A, True, False),
        (WORKER_IN_B, False, True),
        (PRACTITIONER, True, False),
        (FAMILY_OF_A, True, False),
        (COMMISSIONER, False, False),
        (ADMIN, True, True),
    ],
    ids=lambda v: v.username if isinstance(v, Actor) else str(v),
)
def test_who_sees_which_person(who: Actor, sees_a: bool, sees_b: bool) -> None:
    assert access.can_see_person(who, PERSON_A) is sees_a
    assert access.can_see_person(who, PERSON_B) is sees_b


def test_an_outsider_is_told_a_person_does_not_exist() -> None:
    with pytest.raises(NotFoundError):
        access.check_can_see_person(WORKER_IN_B, PERSON_A)


def test_a_person_without_a_team_is_seen_by_no_team_member() -> None:
    assert not access.can_see_person(COORDINATOR_A, person(None, "px"))


def test_care_workers_may_not_edit_a_record_they_can_read() -> None:
    with pytest.raises(PermissionDeniedError):
        access.check_can_edit_person(WORKER_IN_A, PERSON_A)
    access.check_can_edit_person(COORDINATOR_A, PERSON_A)
    access.check_can_edit_person(PRACTITIONER, PERSON_A)


def test_family_may_read_but_not_edit_their_person() -> None:
    access.check_can_see_person(FAMILY_OF_A, PERSON_A)
    with pytest.raises(PermissionDeniedError):
        access.check_can_edit_person(FAMILY_OF_A, PERSON_A)


def test_coordinators_add_people_to_their_own_teams_only() -> None:
    access.check_can_create_person(COORDINATOR_A, TEAM_A)
    with pytest.raises(PermissionDeniedError):
        access.check_can_create_person(COORDINATOR_A, TEAM_B)
    with pytest.raises(PermissionDeniedError):
        access.check_can_create_person(WORKER_IN_A, TEAM_A)


def test_commissioners_never_list_people_but_read_team_figures() -> None:
    with pytest.raises(PermissionDeniedError):
        access.listable_people_filter(COMMISSIONER)
    access.check_can_see_aggregates(COMMISSIONER, TEAM_A)
    with pytest.raises(PermissionDeniedError):
        access.check_can_see_aggregates(WORKER_IN_A, TEAM_A)


def test_people_listing_is_narrowed_to_teams_or_to_named_people() -> None:
    assert access.listable_people_filter(WORKER_IN_A) == (frozenset({TEAM_A}), None)
    assert access.listable_people_filter(PRACTITIONER) == (None, frozenset({"pa"}))
    assert access.listable_people_filter(FAMILY_OF_A) == (None, frozenset({"pa"}))
    assert access.listable_people_filter(ADMIN) == (None, None)


def test_workers_see_colleagues_of_their_own_team_only() -> None:
    assert access.can_see_worker(WORKER_IN_A, WORKER_A)
    assert not access.can_see_worker(WORKER_IN_B, WORKER_A)
    assert not access.can_see_worker(FAMILY_OF_A, WORKER_A)
    with pytest.raises(PermissionDeniedError):
        access.staff_team_filter(PRACTITIONER)


def test_visits_are_for_the_team_and_hidden_from_outsiders_and_family() -> None:
    access.check_can_see_visit(WORKER_IN_A, VISIT_A, PERSON_A)
    access.check_can_record_visit(WORKER_IN_A, VISIT_A, PERSON_A)
    for outsider in (WORKER_IN_B, FAMILY_OF_A, PRACTITIONER, COMMISSIONER):
        with pytest.raises(NotFoundError):
            access.check_can_see_visit(outsider, VISIT_A, PERSON_A)


def test_visits_to_a_person_are_seen_in_full_by_their_team_only() -> None:
    assert access.can_see_visits_to(WORKER_IN_A, PERSON_A)
    assert access.can_see_visits_to(ADMIN, PERSON_A)
    for outsider in (WORKER_IN_B, FAMILY_OF_A, PRACTITIONER, COMMISSIONER):
        assert not access.can_see_visits_to(outsider, PERSON_A)


def test_only_coordinators_plan_visits() -> None:
    access.check_can_plan_visits(COORDINATOR_A, PERSON_A)
    with pytest.raises(PermissionDeniedError):
        access.check_can_plan_visits(WORKER_IN_A, PERSON_A)
    with pytest.raises(NotFoundError):
        access.check_can_plan_visits(WORKER_IN_B, PERSON_A)


def test_family_sees_upcoming_visits_of_their_person_only() -> None:
    access.check_can_see_upcoming_visits(FAMILY_OF_A, PERSON_A)
    with pytest.raises(NotFoundError):
        access.check_can_see_upcoming_visits(FAMILY_OF_A, PERSON_B)


def test_managing_a_team_needs_its_coordinator() -> None:
    access.check_can_manage_team(COORDINATOR_A, TEAM_A)
    with pytest.raises(NotFoundError):
        access.check_can_manage_team(COORDINATOR_A, TEAM_B)
    with pytest.raises(PermissionDeniedError):
        access.check_can_manage_team(WORKER_IN_A, TEAM_A)


@pytest.mark.parametrize(
    ("who", "manages_a", "manages_b"),
    [
        (COORDINATOR_A, True, False),
        (WORKER_IN_A, False, False),
        (PRACTITIONER, False, False),
        (FAMILY_OF_A, False, False),
        (COMMISSIONER, False, False),
        (ADMIN, True, True),
    ],
    ids=lambda v: v.username if isinstance(v, Actor) else str(v),
)
def test_who_manages_which_team(who: Actor, manages_a: bool, manages_b: bool) -> None:
    assert access.can_manage_team(who, TEAM_A) is manages_a
    assert access.can_manage_team(who, TEAM_B) is manages_b


def test_a_coordinator_of_another_team_may_not_manage_it_nor_learn_it_exists() -> None:
    coordinator_of_b = actor(Role.COORDINATOR, team_ids=frozenset({TEAM_B}))
    assert not access.can_manage_team(coordinator_of_b, TEAM_A)
    with pytest.raises(NotFoundError):
        access.check_can_manage_team(coordinator_of_b, TEAM_A)


def test_has_role_lets_an_admin_through_and_names_the_roles_otherwise() -> None:
    assert access.has_role(ADMIN, Role.CARE_WORKER)
    assert access.has_role(WORKER_IN_A, Role.CARE_WORKER, Role.COORDINATOR)
    assert not access.has_role(FAMILY_OF_A, Role.CARE_WORKER, Role.COORDINATOR)
    assert not access.has_role(COMMISSIONER)


def test_only_a_family_member_is_a_family_member() -> None:
    assert FAMILY_OF_A.is_family_member
    assert not any(a.is_family_member for a in (COORDINATOR_A, PRACTITIONER, ADMIN))


def test_audit_trail_is_for_coordinators_and_admins() -> None:
    assert access.audit_filter(COORDINATOR_A) == frozenset({TEAM_A})
    assert access.audit_filter(ADMIN) is None
    for other in (WORKER_IN_A, FAMILY_OF_A, COMMISSIONER, PRACTITIONER):
        with pytest.raises(PermissionDeniedError):
            access.audit_filter(other)
