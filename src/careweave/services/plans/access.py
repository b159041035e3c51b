"""Who may see and change a person's conversations, assessments, plans and outcomes.

Built on :mod:`.access`: everyone who may see the person may read their plan (their team, their
practitioner, their family); their practitioner and their team's coordinator write conversations,
assessments, plans, risks and reablement episodes; care workers of the team may also rate goals.
Assessments and conversations are professional records: family members do not see them.
"""

from __future__ import annotations

from careweave.domain.accounts.users import Role
from careweave.domain.errors import NotFoundError
from careweave.domain.people.person import Person
from careweave.services.accounts.access import (
    Actor,
    check_can_see_person,
    has_role,
    require_role,
)

PLANNERS = (Role.PRACTITIONER, Role.COORDINATOR)
RATERS = (Role.PRACTITIONER, Role.COORDINATOR, Role.CARE_WORKER)


def may_plan(actor: Actor) -> bool:
    """Whether ``actor``'s role writes conversations, assessments, plans and risks (of the people
    they may see): practitioners, coordinators and admins."""
    return has_role(actor, *PLANNERS)


def may_rate(actor: Actor) -> bool:
    """Whether ``actor``'s role rates goals (of the people they may see): those who plan, and
    care workers."""
    return has_role(actor, *RATERS)


def may_read_assessments(actor: Actor) -> bool:
    """Whether ``actor``'s role reads conversations and assessments: every role but family."""
    return not actor.is_family_member


def check_can_read_plan(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may read ``person``'s plans and goal ratings."""
    check_can_see_person(actor, person)


def check_can_read_assessments(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may read conversations and eligibility assessments of ``person``."""
    check_can_see_person(actor, person)
    if not may_read_assessments(actor):
        raise NotFoundError("assessment", person.id)


def check_can_plan(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may write ``person``'s conversations, assessments and plans."""
    check_can_see_person(actor, person)
    require_role(actor, *PLANNERS)


def check_can_rate(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may rate ``person``'s goals."""
    check_can_see_person(actor, person)
    require_role(actor, *RATERS)
