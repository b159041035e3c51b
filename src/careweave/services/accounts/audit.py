"""The audit trail: every read and write of personal data leaves one entry, in the same transaction.

The log is append-only: this module can add and read entries and offers no way to change or remove
one (and on PostgreSQL a trigger refuses UPDATE and DELETE on the table).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction, AuditEntry
from careweave.services.accounts.access import Actor, Origin, audit_filter
from careweave.services.accounts.unit_of_work import AccountsUnitOfWork, AuditedUnitOfWork


class AuditTrail:
    """Writes audit entries, stamped with the clock's time, inside the caller's transaction.

    Every service holds one (built on the clock it was given), so an entry commits or rolls back
    with the record it is about.

    Parameters
    ----------
    clock
        Says when each entry happened.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def record(
        self,
        uow: AuditedUnitOfWork,
        actor: Actor,
        action: AuditAction,
        record_kind: str,
        record_id: str,
        *,
        team_id: str | None = None,
        detail: str = "",
    ) -> None:
        """Append one entry about ``actor`` doing ``action`` to a record, inside ``uow``'s
        transaction.

        Parameters
        ----------
        uow
            The open unit of work of the business transaction; the entry commits (or rolls back)
            with it.
        actor
            Who acted, and from where (``actor.origin``).
        action
            What they did.
        record_kind, record_id
            The record touched, e.g. ``("person", person.id)``; for a listing, ``record_id`` may
            be empty and ``detail`` says what was listed.
        team_id
            The team the record belongs to, so that team's coordinator can read the entry.
        detail
            A short note (never personal data).
        """
        uow.audit.append(
            AuditEntry(
                at=self._clock.now(),
                action=action,
                record_kind=record_kind,
                record_id=record_id,
                user_id=actor.user_id,
                username=actor.username,
                role=actor.role.value,
                team_id=team_id,
                ip=actor.origin.ip,
                user_agent=actor.origin.user_agent,
                detail=detail,
            )
        )

    def record_anonymous(
        self,
        uow: AuditedUnitOfWork,
        action: AuditAction,
        username: str,
        origin: Origin,
        *,
        detail: str = "",
    ) -> None:
        """Append an entry for something done without a signed-in user (a failed sign-in)."""
        uow.audit.append(
            AuditEntry(
                at=self._clock.now(),
                action=action,
                record_kind="user",
                record_id="",
                username=username[:40],
                ip=origin.ip,
                user_agent=origin.user_agent,
                detail=detail,
            )
        )


@dataclass(frozen=True, slots=True)
class AuditPage:
    """A page of audit entries and how many there are in all."""

    items: Sequence[AuditEntry]
    total: int


class AuditService:
    """Reading the audit trail (coordinators: their teams' entries and their own; admins: all)."""

    def __init__(self, uow_factory: Callable[[], AccountsUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def list_entries(
        self,
        actor: Actor,
        *,
        record_kind: str | None = None,
        record_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> AuditPage:
        """Entries ``actor`` may read, newest first. Reading the trail is itself audited."""
        teams = audit_filter(actor)
        user_id = None if teams is None else actor.user_id
        with self._uow_factory() as uow:
            items = uow.audit.list(
                team_ids=teams,
                user_id=user_id,
                record_kind=record_kind,
                record_id=record_id,
                limit=limit,
                offset=offset,
            )
            total = uow.audit.count(
                team_ids=teams, user_id=user_id, record_kind=record_kind, record_id=record_id
            )
            self._audit.record(
                uow, actor, AuditAction.LIST, "audit", "", detail=f"{len(items)} entries"
            )
            uow.commit()
        return AuditPage(items=items, total=total)
