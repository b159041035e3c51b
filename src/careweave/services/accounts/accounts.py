"""Signing in and out, web sessions, API tokens, users, and the demo personas.

Passwords are hashed with argon2id; a session's cookie value and an API token are random secrets of
which only a SHA-256 digest is stored, so a copy of the database does not let anyone sign in.
Failed sign-ins are counted per username and address; past the limit in one minute, further tries
are refused before the password is even checked.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import (
    ApiToken,
    NotAuthenticatedError,
    RateLimitedError,
    Role,
    User,
    WebSession,
    check_password,
    normalise_username,
)
from careweave.domain.errors import ConflictError, NotFoundError
from careweave.services.accounts.access import Actor, Origin, require_role
from careweave.services.accounts.audit import AuditTrail
from careweave.services.accounts.unit_of_work import AccountsUnitOfWork

SESSION_IDLE_LIFETIME = timedelta(hours=12)
# Writing last-seen on every request would make each page a write; once a minute is enough.
SESSION_TOUCH_INTERVAL = timedelta(minutes=1)
RATE_WINDOW = timedelta(minutes=1)
SECRET_BYTES = 32
BEARER_PREFIX = "cw_"


def digest(secret: str) -> str:
    """SHA-256 hex digest of a session or token secret (what the database keeps)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A web session just opened: ``secret`` goes in the cookie, never in the database."""

    secret: str
    session: WebSession
    actor: Actor


@dataclass(frozen=True, slots=True)
class SessionView:
    """The actor behind a live session and the session's CSRF token."""

    actor: Actor
    csrf_token: str
    session_id: str


class AccountService:
    """Use cases of accounts.

    Parameters
    ----------
    uow_factory
        Builds a unit of work carrying the account repositories.
    clock
        Says when sessions start and expire, tokens are used and sign-ins fail.
    login_attempts_per_minute
        Failed sign-ins allowed per username and address in one minute.
    hasher
        The argon2 password hasher (tests may pass a cheaper one).
    """

    def __init__(
        self,
        uow_factory: Callable[[], AccountsUnitOfWork],
        clock: Clock,
        *,
        login_attempts_per_minute: int = 10,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)
        self._limit = login_attempts_per_minute
        self._hasher = hasher or PasswordHasher()
        self._stand_in_hash: str | None = None

    # -- signing in and out ---------------------------------------------------------------------

    def login(self, username: str, password: str, origin: Origin) -> SignedIn:
        """Check the password and open a web session.

        Raises
        ------
        RateLimitedError
            Too many failures for this username from this address in the last minute.
        NotAuthenticatedError
            Unknown username, wrong password or a deactivated user (one message for all, so the
            answer does not tell which usernames exist).
        """
        name = username.strip().lower()[:200]
        now = self._clock.now()
        with self._uow_factory() as uow:
            if uow.login_failures.count_since(name, origin.ip, now - RATE_WINDOW) >= self._limit:
                raise RateLimitedError(
                    "too many failed sign-ins; wait a minute and try again",
                    retry_after=int(RATE_WINDOW.total_seconds()),
                )
            user = uow.users.find_by_username(name)
            if not self._verify(user, password) or user is None or not user.active:
                uow.login_failures.prune(now - RATE_WINDOW)  # keeps the table small
                uow.login_failures.add(name, origin.ip, now)
                self._audit.record_anonymous(uow, AuditAction.LOGIN_FAILED, name, origin)
                uow.commit()
                raise NotAuthenticatedError("username or password is not right")
            self._rehash_if_needed(uow, user, password)
            secret = secrets.token_urlsafe(SECRET_BYTES)
            session = WebSession(
                id=digest(secret),
                user_id=user.id,
                csrf_token=secrets.token_urlsafe(SECRET_BYTES),
                created_at=now,
                last_seen_at=now,
                expires_at=now + SESSION_IDLE_LIFETIME,
                ip=origin.ip[:64],
                user_agent=origin.user_agent[:300],
            )
            uow.web_sessions.add(session)
            uow.login_failures.clear(name, origin.ip)
            actor = Actor.of(user, origin)
            self._audit.record(uow, actor, AuditAction.LOGIN, "user", user.id)
            uow.web_sessions.remove_expired(now)
            uow.commit()
        return SignedIn(secret=secret, session=session, actor=actor)

    def _verify(self, user: User | None, password: str) -> bool:
        # An unknown username is checked against a stand-in hash, so the answer takes as long
        # as for a real user and its timing does not tell which usernames exist.
        if user is None and self._stand_in_hash is None:
            self._stand_in_hash = self._hasher.hash(secrets.token_urlsafe(SECRET_BYTES))
        stored = user.password_hash if user is not None else self._stand_in_hash
        try:
            return self._hasher.verify(stored or "", password) and user is not None
        except (VerificationError, InvalidHashError):
            return False

    def _rehash_if_needed(self, uow: AccountsUnitOfWork, user: User, password: str) -> None:
        if self._hasher.check_needs_rehash(user.password_hash):
            user.password_hash = self._hasher.hash(password)
            uow.users.update(user)

    def session(self, secret: str, origin: Origin) -> SessionView | None:
        """The live session whose cookie value is ``secret``, or ``None`` (unknown or expired)."""
        now = self._clock.now()
        with self._uow_factory() as uow:
            found = uow.web_sessions.find(digest(secret))
            if found is None or found.expires_at <= now:
                return None
            user = uow.users.get(found.user_id)
            if not user.active:
                return None
            if now - found.last_seen_at >= SESSION_TOUCH_INTERVAL:
                uow.web_sessions.touch(found.id, now, now + SESSION_IDLE_LIFETIME)
                uow.commit()
        return SessionView(Actor.of(user, origin), found.csrf_token, found.id)

    def logout(self, secret: str, origin: Origin) -> None:
        """End the session whose cookie value is ``secret`` (nothing happens if there is none)."""
        with self._uow_factory() as uow:
            found = uow.web_sessions.find(digest(secret))
            if found is None:
                return
            uow.web_sessions.remove(found.id)
            actor = Actor.of(uow.users.get(found.user_id), origin)
            self._audit.record(uow, actor, AuditAction.LOGOUT, "user", actor.user_id)
            uow.commit()

    # -- API tokens -----------------------------------------------------------------------------

    def token_actor(self, bearer: str, origin: Origin) -> Actor | None:
        """The actor whose API token is ``bearer``, or ``None`` (unknown or revoked)."""
        now = self._clock.now()
        with self._uow_factory() as uow:
            token = uow.api_tokens.find_by_hash(digest(bearer))
            if token is None or not token.active:
                return None
            user = uow.users.get(token.user_id)
            if not user.active:
                return None
            last = token.last_used_at
            if last is None or now - last >= SESSION_TOUCH_INTERVAL:
                uow.api_tokens.mark_used(token.id, now)
                uow.commit()
        return Actor.of(user, origin)

    def create_api_token(self, actor: Actor, name: str) -> tuple[ApiToken, str]:
        """A new token for ``actor``; the secret is returned once and never stored."""
        secret = BEARER_PREFIX + secrets.token_urlsafe(SECRET_BYTES)
        token = ApiToken(
            user_id=actor.user_id,
            name=name,
            token_hash=digest(secret),
            created_at=self._clock.now(),
        )
        with self._uow_factory() as uow:
            uow.api_tokens.add(token)
            self._audit.record(uow, actor, AuditAction.TOKEN_CREATE, "api_token", token.id)
            uow.commit()
        return token, secret

    def list_api_tokens(self, actor: Actor) -> Sequence[ApiToken]:
        """``actor``'s own tokens, newest first."""
        with self._uow_factory() as uow:
            return uow.api_tokens.list_for_user(actor.user_id)

    def revoke_api_token(self, actor: Actor, token_id: str) -> None:
        """Stop one of ``actor``'s own tokens from working."""
        with self._uow_factory() as uow:
            mine = {t.id: t for t in uow.api_tokens.list_for_user(actor.user_id)}
            if token_id not in mine:
                raise NotFoundError("api_token", token_id)
            uow.api_tokens.revoke(token_id, self._clock.now())
            self._audit.record(uow, actor, AuditAction.TOKEN_REVOKE, "api_token", token_id)
            uow.commit()

    # -- users ----------------------------------------------------------------------------------

    def create_user(self, actor: Actor, spec: NewUser) -> User:
        """Add a user (admins only)."""
        require_role(actor, Role.ADMIN)
        with self._uow_factory() as uow:
            user = add_user(uow, self._hasher, spec, at=self._clock.now())
            self._audit.record(uow, actor, AuditAction.CREATE, "user", user.id)
            uow.commit()
        return user

    def list_users(self, actor: Actor) -> Sequence[User]:
        """Every user, by username (admins only)."""
        require_role(actor, Role.ADMIN)
        with self._uow_factory() as uow:
            return uow.users.list()

    def set_active(self, actor: Actor, username: str, active: bool) -> User:
        """Let a user sign in again, or stop them (their sessions and tokens stop working)."""
        require_role(actor, Role.ADMIN)
        with self._uow_factory() as uow:
            user = _user_called(uow, username)
            user.active = active
            uow.users.update(user)
            self._audit.record(
                uow, actor, AuditAction.UPDATE, "user", user.id, detail=f"active={active}"
            )
            uow.commit()
        return user

    def create_api_token_for(self, actor: Actor, username: str, name: str) -> tuple[ApiToken, str]:
        """A new token acting as ``username``, made by an admin (e.g. for a machine client)."""
        require_role(actor, Role.ADMIN)
        with self._uow_factory() as uow:
            user = _user_called(uow, username)
        return self.create_api_token(Actor.of(user, actor.origin), name)


def _user_called(uow: AccountsUnitOfWork, username: str) -> User:
    user = uow.users.find_by_username(normalise_username(username))
    if user is None:
        raise NotFoundError("user", username)
    return user


@dataclass(frozen=True, slots=True)
class NewUser:
    """What is needed to create a user."""

    username: str
    display_name: str
    role: Role
    password: str
    team_ids: frozenset[str] = frozenset()
    person_ids: frozenset[str] = frozenset()
    assigned_person_ids: frozenset[str] = frozenset()
    worker_id: str | None = None
    password_min_length: int | None = None


def add_user(
    uow: AccountsUnitOfWork,
    hasher: PasswordHasher,
    spec: NewUser,
    *,
    at: datetime,
    password_hash: str | None = None,
) -> User:
    """Validate ``spec``, hash its password and add the user inside ``uow`` (not committed).

    ``password_hash``, when given, is a hash of ``spec.password`` made earlier (hashing is
    deliberately slow, so several users with one password may share one hash).
    """
    username = normalise_username(spec.username)
    if spec.password_min_length is None:
        check_password(spec.password)
    else:
        check_password(spec.password, min_length=spec.password_min_length)
    if uow.users.find_by_username(username) is not None:
        raise ConflictError(f"the username {username!r} is taken", field="username")
    user = User(
        username=username,
        display_name=spec.display_name,
        role=spec.role,
        password_hash=password_hash or hasher.hash(spec.password),
        team_ids=spec.team_ids,
        person_ids=spec.person_ids,
        assigned_person_ids=spec.assigned_person_ids,
        worker_id=spec.worker_id,
        created_at=at,
    )
    uow.users.add(user)
    return user
