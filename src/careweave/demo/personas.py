"""The demo personas: one login per role over the demo data, so anyone can try each point of view.

``careweave demo seed`` calls :func:`create_demo_personas` after it has made its teams, workers and
people; ``careweave demo personas`` prints :data:`PERSONAS` with the password.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher

from careweave.domain.accounts.users import DEMO_PASSWORD_MIN_LENGTH, Role, User, check_password
from careweave.domain.errors import DomainValidationError
from careweave.services.accounts.accounts import NewUser, add_user
from careweave.services.unit_of_work import AppUnitOfWork

PRACTITIONER_CASELOAD = 6


@dataclass(frozen=True, slots=True)
class Persona:
    """A demo login and what it shows."""

    username: str
    role: Role
    display_name: str
    sees: str


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "coordinator",
        Role.COORDINATOR,
        "Cara Coordinator",
        "both teams: people, staff, visits, rosters, alerts and the audit trail",
    ),
    Persona(
        "worker.a",
        Role.CARE_WORKER,
        "Alex Worker",
        "team A only: its people, their plans and today's visits to record",
    ),
    Persona(
        "worker.b",
        Role.CARE_WORKER,
        "Bea Worker",
        "team B only: nothing at all of team A",
    ),
    Persona(
        "practitioner",
        Role.PRACTITIONER,
        "Priya Practitioner",
        f"the {PRACTITIONER_CASELOAD} people on her caseload: assessments and plans",
    ),
    Persona(
        "commissioner",
        Role.COMMISSIONER,
        "Colin Commissioner",
        "figures per team and model of care, never a name",
    ),
    Persona(
        "family",
        Role.FAMILY_MEMBER,
        "Fran Family",
        "one person's plan, who is coming and when (first names only), and alerts",
    ),
)


def validate_demo_password(password: str) -> str:
    """Return ``password`` if the demo personas may use it, else raise naming ``demo_password``."""
    try:
        return check_password(password, min_length=DEMO_PASSWORD_MIN_LENGTH)
    except DomainValidationError as exc:
        raise DomainValidationError("demo_password", exc.message) from None


def create_demo_personas(
    uow: AppUnitOfWork, password: str, *, at: datetime, hasher: PasswordHasher | None = None
) -> Sequence[User]:
    """Add the demo personas inside ``uow``, created ``at`` (the caller commits); existing
    usernames are kept.

    Needs at least two teams (A and B are the first two by name) with a worker each and a person
    in team A.

    Raises
    ------
    DomainValidationError
        The password is too short, or the demo data lacks the teams, workers or people needed.
    """
    validate_demo_password(password)
    teams = uow.teams.list(limit=2)
    if len(teams) < 2:
        raise DomainValidationError("teams", "the demo personas need at least two teams")
    team_a, team_b = teams[0].id, teams[1].id
    worker_a = _first_worker(uow, team_a)
    worker_b = _first_worker(uow, team_b)
    people_a = uow.people.list(team_id=team_a, limit=1)
    if not people_a:
        raise DomainValidationError("people", "the demo personas need a person in the first team")
    caseload = frozenset(
        p.id
        for team in (team_a, team_b)
        for p in uow.people.list(team_id=team, limit=PRACTITIONER_CASELOAD // 2)
    )
    scopes: dict[str, dict[str, object]] = {
        "coordinator": {"team_ids": frozenset({team_a, team_b})},
        "worker.a": {"team_ids": frozenset({team_a}), "worker_id": worker_a},
        "worker.b": {"team_ids": frozenset({team_b}), "worker_id": worker_b},
        "practitioner": {"assigned_person_ids": caseload},
        "commissioner": {},
        "family": {"person_ids": frozenset({people_a[0].id})},
    }
    hasher = hasher or PasswordHasher()
    # The demo logins share one printed password, so one (slow) hash serves them all.
    shared_hash = hasher.hash(password)
    created: list[User] = []
    for persona in PERSONAS:
        if uow.users.find_by_username(persona.username) is not None:
            continue
        spec = NewUser(
            username=persona.username,
            display_name=persona.display_name,
            role=persona.role,
            password=password,
            password_min_length=DEMO_PASSWORD_MIN_LENGTH,
            **scopes[persona.username],  # type: ignore[arg-type]
        )
        created.append(add_user(uow, hasher, spec, at=at, password_hash=shared_hash))
    return created


def _first_worker(uow: AppUnitOfWork, team_id: str) -> str:
    workers = uow.workers.list(team_id=team_id, active=True, limit=1)
    if not workers:
        raise DomainValidationError("workers", "the demo personas need a worker in each team")
    return workers[0].id


def describe_personas(password: str) -> str:
    """The demo logins as a table to print."""
    lines = [f"Demo logins (password: {password})", ""]
    width = max(len(p.username) for p in PERSONAS)
    for persona in PERSONAS:
        lines.append(
            f"  {persona.username:<{width}}  {persona.role.value:<13}  sees {persona.sees}"
        )
    return "\n".join(lines)
