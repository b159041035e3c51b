"""Who may sign in to careweave: users, their roles, and the rules for usernames and passwords."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from careweave.domain.errors import DomainError, DomainValidationError
from careweave.domain.values import new_id, require_member, require_text

USERNAME_MIN_LENGTH = 3
USERNAME_MAX_LENGTH = 40
PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 200
# Demo logins are printed on screen for a local trial, so a short password is allowed there only.
DEMO_PASSWORD_MIN_LENGTH = 4

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class Role(StrEnum):
    """What a user is to careweave; the access policy in the services decides what each may see."""

    CARE_WORKER = "care_worker"
    COORDINATOR = "coordinator"
    PRACTITIONER = "practitioner"
    COMMISSIONER = "commissioner"
    FAMILY_MEMBER = "family_member"
    ADMIN = "admin"


ROLE_TITLES: dict[Role, str] = {
    Role.CARE_WORKER: "Care worker",
    Role.COORDINATOR: "Coordinator",
    Role.PRACTITIONER: "Practitioner",
    Role.COMMISSIONER: "Commissioner",
    Role.FAMILY_MEMBER: "Family member",
    Role.ADMIN: "Administrator",
}


class RateLimitedError(DomainError):
    """Too many failed attempts in a short time; the caller should wait ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class NotAuthenticatedError(DomainError):
    """The request carries no valid session or token, or the username and password did not match."""


def normalise_username(value: str) -> str:
    """Return ``value`` as a username (lower case, trimmed) or raise naming the ``username`` field."""
    if not isinstance(value, str):
        raise DomainValidationError("username", "must be text")
    cleaned = value.strip().lower()
    if not USERNAME_MIN_LENGTH <= len(cleaned) <= USERNAME_MAX_LENGTH:
        raise DomainValidationError(
            "username",
            f"must be {USERNAME_MIN_LENGTH} to {USERNAME_MAX_LENGTH} characters long",
        )
    if not _USERNAME.match(cleaned):
        raise DomainValidationError(
            "username", "may use only letters, digits, dots, dashes and underscores"
        )
    return cleaned


def check_password(value: str, *, min_length: int = PASSWORD_MIN_LENGTH) -> str:
    """Return ``value`` unchanged if it is an acceptable new password, or raise naming ``password``."""
    if not isinstance(value, str):
        raise DomainValidationError("password", "must be text")
    if len(value) < min_length:
        raise DomainValidationError("password", f"must be at least {min_length} characters long")
    if len(value) > PASSWORD_MAX_LENGTH:
        raise DomainValidationError(
            "password", f"must be at most {PASSWORD_MAX_LENGTH} characters long"
        )
    if not value.strip():
        raise DomainValidationError("password", "must not be only spaces")
    return value


@dataclass(slots=True)
class User:
    """Someone who signs in.

    ``team_ids`` are the teams a care worker or coordinator belongs to; ``person_ids`` are the
    people a family member supports; ``assigned_person_ids`` are the people a practitioner works
    with. ``worker_id`` links a care worker's login to their worker record.
    """

    username: str
    display_name: str
    role: Role
    password_hash: str
    team_ids: frozenset[str] = frozenset()
    person_ids: frozenset[str] = frozenset()
    assigned_person_ids: frozenset[str] = frozenset()
    worker_id: str | None = None
    active: bool = True
    created_at: datetime | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.username = normalise_username(self.username)
        self.display_name = require_text("display_name", self.display_name, max_length=120)
        self.role = require_member("role", self.role, Role)
        self.team_ids = frozenset(self.team_ids)
        self.person_ids = frozenset(self.person_ids)
        self.assigned_person_ids = frozenset(self.assigned_person_ids)

    @property
    def first_name(self) -> str:
        """The first word of the display name (what a family member is shown)."""
        return self.display_name.split()[0]


@dataclass(frozen=True, slots=True)
class WebSession:
    """A signed-in browser. ``id`` is the digest of the secret cookie value, never the value."""

    id: str
    user_id: str
    csrf_token: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    ip: str = ""
    user_agent: str = ""


@dataclass(frozen=True, slots=True)
class ApiToken:
    """A bearer token a machine client sends; only the digest of the secret is kept."""

    user_id: str
    name: str
    token_hash: str
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", require_text("name", self.name, max_length=80))

    @property
    def active(self) -> bool:
        """True until the token is revoked."""
        return self.revoked_at is None
