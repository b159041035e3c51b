"""Who may see and do what in telecare, in the style of :mod:`careweave.services.accounts.access`.

* **care worker, coordinator**: the alerts, devices, rules and activity of their teams' people; they
  answer alerts (acknowledge, record the outcome, close) as responders on duty;
* **coordinator**: also registers devices and sets a person's rules, chain and absences;
* **practitioner**: reads the telecare of the people on their caseload;
* **family member**: reads their person's alerts; answers nothing;
* **commissioner**: the figures only, never a person;
* **admin**: everything.

Someone who may not know a person exists gets :class:`NotFoundError`; someone who may see them but
not do the action gets :class:`PermissionDeniedError`.
"""

from __future__ import annotations

from careweave.domain.accounts.users import Role
from careweave.domain.people.person import Person
from careweave.services.accounts.access import (
    Actor,
    check_can_see_person,
    require_role,
    team_scope,
)

RESPONDER_ROLES = (Role.CARE_WORKER, Role.COORDINATOR)


def check_can_see_telecare(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may read ``person``'s devices, rules, alerts and activity."""
    check_can_see_person(actor, person)


def check_can_respond(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may answer ``person``'s alerts (their team's workers and coordinator)."""
    check_can_see_person(actor, person)
    require_role(actor, *RESPONDER_ROLES)


def check_can_configure(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may change ``person``'s devices, rules, chain and absences."""
    check_can_see_person(actor, person)
    require_role(actor, Role.COORDINATOR)


def queue_scope(actor: Actor) -> frozenset[str] | None:
    """Teams whose alert queue ``actor`` may watch (``None``: every team); raises for other roles."""
    require_role(actor, *RESPONDER_ROLES)
    return team_scope(actor)
