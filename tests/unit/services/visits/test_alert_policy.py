"""Who sees and acknowledges late and missed visit alerts (no database)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from careweave.domain.accounts.users import Role
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.domain.visits.recording import Alert, Lateness
from careweave.services.accounts.access import Actor
from careweave.services.visits.alerts import (
    alert_filter,
    alert_kinds,
    can_see_alert,
    check_can_acknowledge_alert,
)

TEAM_A, TEAM_B = "team-a", "team-b"


def _person(team: str, ident: str) -> Person:
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


PERSON_A, PERSON_B = _person(TEAM_A, "pa"), _person(TEAM_B, "pb")
ALERT_A = Alert("va", TEAM_A, Lateness.MISSED, datetime(2026, 3, 2, 11))
ALERT_B = Alert("vb", TEAM_B, Lateness.LATE, datetime(2026, 3, 2, 9, 45))


def _actor(role: Role, **scope: frozenset[str]) -> Actor:
    return Actor(
        user_id=f"u-{role.value}", username=role.value, display_name="X Y", role=role, **scope
    )


COORDINATOR_A = _actor(Role.COORDINATOR, team_ids=frozenset({TEAM_A}))
WORKER_A = _actor(Role.CARE_WORKER, team_ids=frozenset({TEAM_A}))
WORKER_B = _actor(Role.CARE_WORKER, team_ids=frozenset({TEAM_B}))
FAMILY_OF_A = _actor(Role.FAMILY_MEMBER, person_ids=frozenset({"pa"}))
PRACTITIONER = _actor(Role.PRACTITIONER, assigned_person_ids=frozenset({"pa"}))
COMMISSIONER = _actor(Role.COMMISSIONER)
ADMIN = _actor(Role.ADMIN)


@pytest.mark.parametrize(
    ("who", "sees_a", "sees_b"),
    [
        (COORDINATOR_A, True, False),
        (WORKER_A, True, False),
        (WORKER_B, False, True),
        (FAMILY_OF_A, True, False),
        (PRACTITIONER, False, False),
        (COMMISSIONER, False, False),
        (ADMIN, True, True),
    ],
)
def test_who_sees_which_alert(who: Actor, sees_a: bool, sees_b: bool) -> None:
    assert can_see_alert(who, ALERT_A, PERSON_A) is sees_a
    assert can_see_alert(who, ALERT_B, PERSON_B) is sees_b


def test_only_the_teams_coordinator_acknowledges() -> None:
    check_can_acknowledge_alert(COORDINATOR_A, ALERT_A, PERSON_A)
    check_can_acknowledge_alert(ADMIN, ALERT_B, PERSON_B)
    for sees_but_may_not in (FAMILY_OF_A, WORKER_A):
        with pytest.raises(PermissionDeniedError):
            check_can_acknowledge_alert(sees_but_may_not, ALERT_A, PERSON_A)
    for outsider in (WORKER_A, COORDINATOR_A, FAMILY_OF_A, PRACTITIONER):
        with pytest.raises(NotFoundError):
            check_can_acknowledge_alert(outsider, ALERT_B, PERSON_B)


def test_listings_are_scoped_to_teams_or_to_the_family_members_people() -> None:
    assert alert_filter(COORDINATOR_A) == (frozenset({TEAM_A}), None)
    assert alert_filter(FAMILY_OF_A) == (None, frozenset({"pa"}))
    assert alert_filter(ADMIN) == (None, None)
    for never in (PRACTITIONER, COMMISSIONER):
        with pytest.raises(PermissionDeniedError):
            alert_filter(never)


def test_a_family_member_is_told_of_late_and_missed_visits_but_not_of_an_early_check_in() -> None:
    early = Alert("va", TEAM_A, Lateness.EARLY_CHECK_IN, datetime(2026, 3, 2, 7))
    assert can_see_alert(FAMILY_OF_A, ALERT_A, PERSON_A)
    assert not can_see_alert(FAMILY_OF_A, early, PERSON_A)
    assert can_see_alert(COORDINATOR_A, early, PERSON_A)
    assert alert_kinds(FAMILY_OF_A) == frozenset({Lateness.LATE, Lateness.MISSED})
    assert alert_kinds(COORDINATOR_A) is None
