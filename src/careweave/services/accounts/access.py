"""The access policy: who may see and do what. Enforced here, in the services, not only in pages.

Rules in short:

* **care worker**: their own team's people, visits and colleagues; may record visits.
* **coordinator**: their own teams: people, staff, visits, rosters and the audit trail.
* **practitioner**: the people assigned to them (their records, assessments and plans).
* **commissioner**: aggregates only, never a name or a person's record.
* **family member**: their person's record and plan, upcoming visits showing only the worker's
  first name, and alerts.
* **admin**: everything.

Someone who may not know a record exists gets :class:`NotFoundError` (HTTP 404); someone who may
see a record but not do an action, or whose role never may, gets :class:`PermissionDeniedError`
(HTTP 403).
"""

from __future__ import annotations

from dataclasses import dataclass

from careweave.domain.accounts.users import Role, User
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.people.person import Person
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Worker

TEAM_ROLES = frozenset({Role.CARE_WORKER, Role.COORDINATOR})
PERSON_ROLES = frozenset({Role.PRACTITIONER, Role.FAMILY_MEMBER})
# Who reads a team's audit trail, and who reads its figures (counts, never names).
AUDIT_READERS = frozenset({Role.COORDINATOR})
AGGREGATE_READERS = frozenset({Role.COMMISSIONER, Role.COORDINATOR})


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a request came from, for the audit trail."""

    ip: str = ""
    user_agent: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in user as the access policy sees them.

    ``person_ids`` are the people a family member supports; ``assigned_person_ids`` the people a
    practitioner works with.
    """

    user_id: str
    username: str
    display_name: str
    role: Role
    team_ids: frozenset[str] = frozenset()
    person_ids: frozenset[str] = frozenset()
    assigned_person_ids: frozenset[str] = frozenset()
    worker_id: str | None = None
    origin: Origin = Origin()

    @classmethod
    def of(cls, user: User, origin: Origin = Origin()) -> Actor:
        """The actor for ``user`` acting from ``origin``."""
        return cls(
            user_id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            team_ids=user.team_ids,
            person_ids=user.person_ids,
            assigned_person_ids=user.assigned_person_ids,
            worker_id=user.worker_id,
            origin=origin,
        )

    @property
    def is_admin(self) -> bool:
        """True for an administrator."""
        return self.role is Role.ADMIN

    @property
    def is_family_member(self) -> bool:
        """True for a member of a person's family or circle of support."""
        return self.role is Role.FAMILY_MEMBER


def has_role(actor: Actor, *roles: Role) -> bool:
    """True when ``actor`` is an admin or has one of ``roles``."""
    return actor.is_admin or actor.role in roles


def require_role(actor: Actor, *roles: Role) -> None:
    """Raise PermissionDeniedError unless ``actor`` is an admin or has one of ``roles``."""
    if not has_role(actor, *roles):
        raise PermissionDeniedError(f"a {actor.role.value} may not do this")


def team_scope(actor: Actor) -> frozenset[str] | None:
    """Teams whose records ``actor`` may list: ``None`` means every team (admin)."""
    if actor.is_admin:
        return None
    if actor.role in TEAM_ROLES:
        return actor.team_ids
    return frozenset()


def person_scope(actor: Actor) -> frozenset[str] | None:
    """People ``actor`` may see individually whatever their team (``None``: not limited so)."""
    if actor.role is Role.PRACTITIONER:
        return actor.assigned_person_ids
    if actor.role is Role.FAMILY_MEMBER:
        return actor.person_ids
    return None


# -- people -------------------------------------------------------------------------------------


def can_see_person(actor: Actor, person: Person) -> bool:
    """True when ``actor`` may read ``person``'s record."""
    if actor.is_admin:
        return True
    if actor.role in TEAM_ROLES:
        return person.team_id is not None and person.team_id in actor.team_ids
    if actor.role is Role.PRACTITIONER:
        return person.id in actor.assigned_person_ids
    if actor.role is Role.FAMILY_MEMBER:
        return person.id in actor.person_ids
    return False


def check_can_see_person(actor: Actor, person: Person) -> None:
    """Raise NotFoundError unless ``actor`` may read ``person`` (outsiders learn nothing)."""
    if not can_see_person(actor, person):
        raise NotFoundError("person", person.id)


def check_can_edit_person(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may change ``person``'s record (coordinator of their team or their
    practitioner)."""
    check_can_see_person(actor, person)
    require_role(actor, Role.COORDINATOR, Role.PRACTITIONER)


def check_can_create_person(actor: Actor, team_id: str | None) -> None:
    """Raise unless ``actor`` may add a person to ``team_id``."""
    require_role(actor, Role.COORDINATOR)
    if not actor.is_admin and (team_id is None or team_id not in actor.team_ids):
        raise PermissionDeniedError("a coordinator may add people to their own teams only")


def listable_people_filter(actor: Actor) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """``(team_ids, person_ids)`` restricting a people listing for ``actor``; ``None`` = any.

    Raises PermissionDeniedError for a commissioner, who never sees person records.
    """
    if actor.role is Role.COMMISSIONER:
        raise PermissionDeniedError("a commissioner sees aggregates only, not people")
    return team_scope(actor) if person_scope(actor) is None else None, person_scope(actor)


# -- teams and workers --------------------------------------------------------------------------


def can_see_team(actor: Actor, team_id: str) -> bool:
    """True when ``actor`` may see the team and its records. Commissioners may see teams (not
    personal data) to read their aggregates."""
    if actor.is_admin or actor.role is Role.COMMISSIONER:
        return True
    return actor.role in TEAM_ROLES and team_id in actor.team_ids


def check_can_see_team(actor: Actor, team_id: str) -> None:
    """Raise NotFoundError unless ``actor`` may see ``team_id``."""
    if not can_see_team(actor, team_id):
        raise NotFoundError("team", team_id)


def can_manage_team(actor: Actor, team_id: str) -> bool:
    """True when ``actor`` may change the team, its staff and rosters and acknowledge its alerts:
    its coordinator, or an admin."""
    return actor.is_admin or (actor.role is Role.COORDINATOR and team_id in actor.team_ids)


def check_can_manage_team(actor: Actor, team_id: str) -> None:
    """Raise unless ``actor`` may change the team (see :func:`can_manage_team`)."""
    check_can_see_team(actor, team_id)
    require_role(actor, Role.COORDINATOR)
    if not can_manage_team(actor, team_id):
        raise PermissionDeniedError("only the team's coordinator may change it")


def can_see_worker(actor: Actor, worker: Worker) -> bool:
    """True when ``actor`` may read the worker's record (their colleagues and coordinator)."""
    if actor.is_admin:
        return True
    return actor.role in TEAM_ROLES and worker.team_id in actor.team_ids


def check_can_see_worker(actor: Actor, worker: Worker) -> None:
    """Raise NotFoundError unless ``actor`` may read ``worker``."""
    if not can_see_worker(actor, worker):
        raise NotFoundError("worker", worker.id)


def staff_team_filter(actor: Actor) -> frozenset[str] | None:
    """Teams whose staff ``actor`` may list (``None``: all); PermissionDenied for other roles."""
    require_role(actor, Role.CARE_WORKER, Role.COORDINATOR)
    return team_scope(actor)


# -- visits -------------------------------------------------------------------------------------


def can_see_visits_to(actor: Actor, person: Person) -> bool:
    """True when ``actor`` may read visits to ``person`` in full.

    Family members see visits only through the upcoming-visits view, with first names only;
    practitioners not at all.
    """
    if actor.role in (Role.FAMILY_MEMBER, Role.PRACTITIONER):
        return False
    return can_see_person(actor, person)


def check_can_see_visit(actor: Actor, visit: Visit, person: Person) -> None:
    """Raise NotFoundError unless ``actor`` may read the full ``visit`` to ``person``."""
    if not can_see_visits_to(actor, person):
        raise NotFoundError("visit", visit.id)


def check_can_record_visit(actor: Actor, visit: Visit, person: Person) -> None:
    """Raise unless ``actor`` may change the visit (a worker or coordinator of the team)."""
    check_can_see_visit(actor, visit, person)
    require_role(actor, Role.CARE_WORKER, Role.COORDINATOR)


def check_can_plan_visits(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may create or delete visits to ``person`` (team coordinator)."""
    check_can_see_person(actor, person)
    require_role(actor, Role.COORDINATOR)


def visit_team_filter(actor: Actor) -> frozenset[str] | None:
    """Teams whose visits ``actor`` may list (``None``: all); PermissionDenied for other roles."""
    require_role(actor, Role.CARE_WORKER, Role.COORDINATOR)
    return team_scope(actor)


def check_can_see_upcoming_visits(actor: Actor, person: Person) -> None:
    """Raise NotFoundError unless ``actor`` may see who is coming to ``person`` and when."""
    if actor.role is Role.PRACTITIONER or not can_see_person(actor, person):
        raise NotFoundError("person", person.id)


# -- audit and aggregates -----------------------------------------------------------------------


def audit_filter(actor: Actor) -> frozenset[str] | None:
    """Teams whose audit trail ``actor`` may read (``None``: all); only coordinators and admins."""
    require_role(actor, *AUDIT_READERS)
    return team_scope(actor)


def check_can_see_aggregates(actor: Actor, team_id: str) -> None:
    """Raise unless ``actor`` may read counts for ``team_id`` (commissioners, coordinators)."""
    check_can_see_team(actor, team_id)
    require_role(actor, *AGGREGATE_READERS)
